package dev.rewind.ui.shell;

import dev.rewind.domain.ModelSummary;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The one rule for which models the sidebar's filter text keeps: every model whose name, or one of its or its
 * versions' tags ({@code stable}, {@code owner=ana}), contains the text, ignoring case and surrounding blanks. Each
 * model's searchable text is lowercased once when the list is loaded, not on every keystroke, so a keystroke over
 * 10,000 models is one {@code contains} each. Version descriptions are not searched (a million of them would not
 * fit this list; {@code rewind search} reads the catalog).
 */
final class ModelFilter {
    private final Map<ModelSummary, String> searchable = new IdentityHashMap<>();

    /** Prepares the searchable text of the models about to be shown, forgetting the previous ones. */
    void index(List<ModelSummary> models) {
        searchable.clear();
        for (ModelSummary m : models) {
            searchable.put(m, searchable(m));
        }
    }

    /** The models {@code text} keeps, or null when it keeps all (an empty filter: no test per model at all). */
    Predicate<ModelSummary> matching(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return null;
        }
        return m -> {
            String s = searchable.get(m);
            return (s != null ? s : searchable(m)).contains(needle);
        };
    }

    private static String searchable(ModelSummary m) {
        // NUL between the words: nothing typed can match across two of them
        StringBuilder s = new StringBuilder(m.name());
        m.tags().forEach(t -> s.append('\0').append(t));
        return s.toString().toLowerCase(Locale.ROOT);
    }
}

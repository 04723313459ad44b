package dev.rewind.ui.shell;

import dev.rewind.domain.ModelSummary;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The one rule for which models the sidebar's filter text keeps: every model whose name, one of its or its versions'
 * tags ({@code stable}, {@code owner=ana}), or one of its versions' descriptions contains the text, ignoring case and
 * surrounding blanks. Each model's searchable text is lowercased once when it is read, not on every keystroke, so a
 * keystroke over 10,000 models is one or two {@code contains} each. Descriptions arrive later than the list (a read
 * of their own: on a million versions it takes seconds), so they are indexed by model name.
 */
final class ModelFilter {
    private final Map<ModelSummary, String> searchable = new IdentityHashMap<>();
    private final Map<String, String> described = new HashMap<>();

    /** Prepares the searchable text of the models about to be shown, forgetting the previous ones. */
    void index(List<ModelSummary> models) {
        searchable.clear();
        for (ModelSummary m : models) {
            searchable.put(m, searchable(m));
        }
    }

    /** Prepares each model's version descriptions, by model name, forgetting the previous ones. */
    void indexDescriptions(Map<String, List<String>> descriptions) {
        described.clear();
        // NUL between them: nothing typed can match across two descriptions
        descriptions.forEach((model, texts) -> described.put(model, String.join("\0", texts).toLowerCase(Locale.ROOT)));
    }

    /** The models {@code text} keeps, or null when it keeps all (an empty filter: no test per model at all). */
    Predicate<ModelSummary> matching(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return null;
        }
        return m -> {
            String s = searchable.get(m);
            if ((s != null ? s : searchable(m)).contains(needle)) {
                return true;
            }
            String d = described.get(m.name());
            return d != null && d.contains(needle);
        };
    }

    private static String searchable(ModelSummary m) {
        // NUL between the words: nothing typed can match across two of them
        StringBuilder s = new StringBuilder(m.name());
        m.tags().forEach(t -> s.append('\0').append(t));
        return s.toString().toLowerCase(Locale.ROOT);
    }
}

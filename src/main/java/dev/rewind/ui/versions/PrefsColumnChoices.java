package dev.rewind.ui.versions;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Column choices kept in the user's Java preferences (on Linux under {@code ~/.java/.userPrefs}), one entry per
 * model; a name longer than a preferences key allows is keyed by its hash. The window's store finds its node on
 * first use ({@link #user}): Java's preferences read an XML file and start a timer thread when first asked, ~180
 * classes that the first frame does not need.
 */
public final class PrefsColumnChoices implements ColumnChoices {
    private static final System.Logger LOG = System.getLogger(PrefsColumnChoices.class.getName());
    /** Metric keys never hold a newline (the name policy refuses control characters). */
    private static final String SEPARATOR = "\n";

    private final Supplier<Preferences> nodes;
    private Preferences node;

    public PrefsColumnChoices(Preferences node) {
        this(() -> node);
    }

    private PrefsColumnChoices(Supplier<Preferences> nodes) {
        this.nodes = nodes;
    }

    /** The store under {@code path} of the user's preferences, looked up when a choice is first read or saved. */
    public static PrefsColumnChoices user(String path) {
        return new PrefsColumnChoices(() -> Preferences.userRoot().node(path));
    }

    private synchronized Preferences node() {
        if (node == null) {
            node = nodes.get();
        }
        return node;
    }

    @Override
    public Optional<List<String>> load(String model) {
        String v = node().get(key(model), null);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(v.isEmpty() ? List.of() : Arrays.asList(v.split(SEPARATOR)));
    }

    @Override
    public void save(String model, List<String> metrics) {
        String v = String.join(SEPARATOR, metrics);
        if (v.length() > Preferences.MAX_VALUE_LENGTH) {
            return; // thousands of columns: not worth remembering
        }
        Preferences n = node();
        n.put(key(model), v);
        try {
            n.flush();
        } catch (BackingStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "could not save the Versions columns of " + model, e);
        }
    }

    private static String key(String model) {
        String key = "columns." + model;
        return key.length() <= Preferences.MAX_KEY_LENGTH ? key
                : "columns#" + Integer.toHexString(model.hashCode()) + "." + model.length();
    }
}

package dev.rewind.domain;

import java.util.Locale;
import java.util.Map;

/** Tags with meaning to Rewind. */
public final class Tags {
    /** A version that misbehaved: deploying it needs an explicit override, rollback walks past it. */
    public static final String FAILED = "failed";
    /** A known-good version: the latest one is the suggested rollback candidate. */
    public static final String STABLE = "stable";

    private Tags() {
    }

    public static boolean isFailed(Map<String, String> tags) {
        return has(tags, FAILED);
    }

    public static boolean isStable(Map<String, String> tags) {
        return has(tags, STABLE);
    }

    /** Whether the key is one Rewind acts on (failed, stable), in any case. */
    public static boolean meaningful(String key) {
        return key != null && (FAILED.equalsIgnoreCase(key) || STABLE.equalsIgnoreCase(key));
    }

    /** The key as stored: {@code failed} and {@code stable} lower-case whatever case was typed, others as typed. */
    public static String normalize(String key) {
        return meaningful(key) ? key.toLowerCase(Locale.ROOT) : key;
    }

    /** The value of a tag matched as {@link #normalize} stores it; null when absent or bare. */
    public static String value(Map<String, String> tags, String key) {
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (normalize(e.getKey()).equals(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    // catalogs written before keys were normalized may hold "Failed"
    private static boolean has(Map<String, String> tags, String key) {
        // asked of every version a timeline draws: most have no tag, and a stream over none still costs objects
        if (tags.isEmpty()) {
            return false;
        }
        for (String k : tags.keySet()) {
            if (k.equalsIgnoreCase(key)) {
                return true;
            }
        }
        return false;
    }

    /** Parses {@code KEY} or {@code KEY=VALUE}; a bare key has a null value. */
    public static Map.Entry<String, String> parse(String spec) {
        if (spec == null) {
            throw RewindException.badInput("tag must not be empty");
        }
        int eq = spec.indexOf('=');
        String key = eq < 0 ? spec : spec.substring(0, eq);
        String value = eq < 0 ? null : spec.substring(eq + 1);
        key = Names.require("tag key", key);
        if (value != null) {
            Text.line("tag value", value, Names.MAX_LENGTH);
        }
        return new java.util.AbstractMap.SimpleImmutableEntry<>(normalize(key), value);
    }
}

package dev.rewind.domain;

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
        return tags.containsKey(FAILED);
    }

    public static boolean isStable(Map<String, String> tags) {
        return tags.containsKey(STABLE);
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
        return new java.util.AbstractMap.SimpleImmutableEntry<>(key, value);
    }
}

package dev.rewind.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rule a person has knowingly set aside for one move. (Not named {@code Override}: that would hide
 * {@code java.lang.Override} wherever it is imported.)
 */
public enum MoveOverride {
    /** Move to a version even though it is tagged failed. */
    FAILED_VERSION,
    /** Move to a version that misses one of the target's metric guards, or lacks the metric. */
    GUARD;

    /** How the history shows it, e.g. "overrode: tagged failed". */
    public String words() {
        return this == FAILED_VERSION ? "tagged failed" : "metric guard";
    }

    /** e.g. " · overrode: tagged failed, metric guard"; empty for none. */
    public static String describe(Collection<MoveOverride> overrides) {
        return overrides == null || overrides.isEmpty() ? "" : " · overrode: "
                + overrides.stream().sorted().map(MoveOverride::words).collect(Collectors.joining(", "));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How the history stores a set of overrides: ids joined by commas, null for none. */
    public static String format(Collection<MoveOverride> overrides) {
        return overrides == null || overrides.isEmpty() ? null
                : overrides.stream().sorted().map(MoveOverride::id).collect(Collectors.joining(","));
    }

    public static Set<MoveOverride> parse(String stored) {
        Set<MoveOverride> out = EnumSet.noneOf(MoveOverride.class);
        if (stored != null && !stored.isBlank()) {
            for (String id : stored.split(",")) {
                out.add(valueOf(id.strip().toUpperCase(Locale.ROOT)));
            }
        }
        return out;
    }
}

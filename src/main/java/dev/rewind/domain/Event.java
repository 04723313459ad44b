package dev.rewind.domain;

import java.time.Instant;
import java.util.Set;

/**
 * One entry of the append-only history; labels are resolved to names for display. {@code overrides}: the rules
 * a move knowingly set aside (empty for most events). {@code effectiveAt}: for a move read from another registry,
 * when that registry says it happened (approximate), null when it happened when it was recorded ({@code at}).
 */
public record Event(long id, Instant at, EventKind kind, String model, String target, String version,
                    String fromVersion, String toVersion, String tagKey, String tagValue, String reason,
                    String actor, String host, String hash, Set<MoveOverride> overrides, Instant effectiveAt) {

    /** When the event took effect: its source's time for an imported move, else when it was recorded. */
    public Instant when() {
        return effectiveAt != null ? effectiveAt : at;
    }

    public Event {
        overrides = overrides == null ? Set.of() : Set.copyOf(overrides);
    }
}

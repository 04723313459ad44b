package dev.rewind.domain;

import java.time.Instant;
import java.util.Set;

/**
 * One entry of the append-only history; labels are resolved to names for display. {@code overrides}: the rules
 * a move knowingly set aside (empty for most events).
 */
public record Event(long id, Instant at, EventKind kind, String model, String target, String version,
                    String fromVersion, String toVersion, String tagKey, String tagValue, String reason,
                    String actor, String host, String hash, Set<MoveOverride> overrides) {

    public Event {
        overrides = overrides == null ? Set.of() : Set.copyOf(overrides);
    }
}

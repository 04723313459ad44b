package dev.rewind.domain;

import java.time.Instant;

/** One entry of the append-only history; labels are resolved to names for display. */
public record Event(long id, Instant at, EventKind kind, String model, String target, String version,
                    String fromVersion, String toVersion, String tagKey, String tagValue, String reason,
                    String actor, String host, String hash) {
}

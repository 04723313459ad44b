package dev.rewind.domain;

import java.time.Instant;

/**
 * A committed deploy or rollback: which target moved from which version to which, recorded as which event.
 * When {@code changed} is false the target already served the version: nothing was written and
 * {@code eventId} is 0.
 */
public record Move(String model, String target, EventKind kind, String fromVersion, String toVersion, long eventId,
                   Instant at, String servingDir, boolean changed) {
}

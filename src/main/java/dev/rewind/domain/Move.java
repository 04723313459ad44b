package dev.rewind.domain;

import java.time.Instant;

/**
 * A committed deploy or rollback: which target moved from which version to which, recorded as which event,
 * and what reading it back showed ({@code proof}, null only before the read-back). When {@code changed} is
 * false the target already served the version: nothing was written and {@code eventId} is 0.
 */
public record Move(String model, String target, EventKind kind, String fromVersion, String toVersion, long eventId,
                   Instant at, String servingDir, boolean changed, MoveProof proof) {
    public Move withProof(MoveProof p) {
        return new Move(model, target, kind, fromVersion, toVersion, eventId, at, servingDir, changed, p);
    }

    /** Whether the read-back confirmed the move (a failed post-switch check does not change this). */
    public boolean verified() {
        return proof != null && proof.verified();
    }
}

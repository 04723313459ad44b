package dev.rewind.domain;

import java.time.Instant;

/**
 * A committed deploy or rollback: which target moved from which version to which, recorded as which event,
 * and what reading it back showed ({@code proof}, null only before the read-back). When {@code changed} is
 * false the target already served the version: nothing was written and {@code eventId} is 0. {@code pointer}
 * names the pointer outside Rewind the move set (an MLflow alias, a GTO stage), null for a serving directory or none.
 */
public record Move(String model, String target, EventKind kind, String fromVersion, String toVersion, long eventId,
                   Instant at, String servingDir, boolean changed, MoveProof proof, String pointer) {
    public Move(String model, String target, EventKind kind, String fromVersion, String toVersion, long eventId,
                Instant at, String servingDir, boolean changed, MoveProof proof) {
        this(model, target, kind, fromVersion, toVersion, eventId, at, servingDir, changed, proof, null);
    }

    public Move withProof(MoveProof p) {
        return new Move(model, target, kind, fromVersion, toVersion, eventId, at, servingDir, changed, p, pointer);
    }

    public Move withPointer(String described) {
        return new Move(model, target, kind, fromVersion, toVersion, eventId, at, servingDir, changed, proof, described);
    }

    /** Whether the move changed nothing outside the catalog (no serving directory, no external pointer). */
    public boolean recordedOnly() {
        return changed && servingDir == null && pointer == null;
    }

    /** Whether the read-back confirmed the move (a failed post-switch check does not change this). */
    public boolean verified() {
        return proof != null && proof.verified();
    }
}

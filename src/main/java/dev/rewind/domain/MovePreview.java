package dev.rewind.domain;

import java.util.List;

/**
 * Everything the confirmation dialog shows before a deploy or rollback: the target, what it serves now, the
 * chosen version, metric deltas between them, warnings, the policy's decision (overrides, protection) and — when set — the reason the move cannot be made.
 * {@code recordedOnly}: the target changes nothing outside the catalog (no serving directory), which a person must
 * not mistake for a real switch. {@code nativeEquivalent}: what the move amounts to in the team's own tool (the
 * MLflow client call, the serving-directory change), for a person to check or run by hand; null when recorded only.
 * {@code linkOffer}: for a recorded-only target of a model imported from MLflow, the alias it could be linked to first
 * (a guess a person edits); null otherwise.
 */
public record MovePreview(String model, String target, Version current, Version chosen, EventKind kind,
                          List<MetricDelta> deltas, List<String> warnings, String blocker, MoveDecision decision,
                          boolean recordedOnly, String nativeEquivalent, TargetPointer linkOffer) {
    /** What a move of a target that changes nothing outside the catalog says, after it is made. */
    public static final String RECORDED_ONLY = "recorded only: nothing outside Rewind was changed";

    public MovePreview(String model, String target, Version current, Version chosen, EventKind kind,
                       List<MetricDelta> deltas, List<String> warnings, String blocker, MoveDecision decision) {
        this(model, target, current, chosen, kind, deltas, warnings, blocker, decision, false, null, null);
    }

    public MovePreview(String model, String target, Version current, Version chosen, EventKind kind,
                       List<MetricDelta> deltas, List<String> warnings, String blocker, MoveDecision decision,
                       boolean recordedOnly) {
        this(model, target, current, chosen, kind, deltas, warnings, blocker, decision, recordedOnly, null, null);
    }

    public boolean allowed() {
        return blocker == null;
    }

    /** Whether a person must type the target's name to confirm: the target is protected. */
    public boolean needsTypedConfirmation() {
        return decision.protectedTarget();
    }

    /** The overrides the move needs, in the window's and the command line's words (empty: none). */
    public List<MoveDecision.Needed> needed() {
        return decision.needed();
    }
}

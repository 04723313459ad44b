package dev.rewind.domain;

import java.util.List;

/**
 * Everything the confirmation dialog shows before a deploy or rollback: the target, what it serves now, the
 * chosen version, metric deltas between them, warnings, and — when set — the reason the move cannot be made.
 */
public record MovePreview(String model, String target, Version current, Version chosen, EventKind kind,
                          List<MetricDelta> deltas, List<String> warnings, String blocker) {

    public boolean allowed() {
        return blocker == null;
    }

    /** The name a person must type to confirm a move of a production target. */
    public boolean needsTypedConfirmation() {
        return "production".equalsIgnoreCase(target);
    }
}

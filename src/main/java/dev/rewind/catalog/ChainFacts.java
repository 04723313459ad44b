package dev.rewind.catalog;

import dev.rewind.domain.EventKind;

/** Which events commit to which facts: the one place writers and the verifier agree on it. */
public final class ChainFacts {
    private ChainFacts() {
    }

    /** A register event, or an import that brings in a version, covers that version's facts. */
    public static boolean coversVersion(EventRecord e) {
        return e.versionId() != null && e.targetId() == null
                && (e.kind() == EventKind.REGISTER || e.kind() == EventKind.IMPORT);
    }

    /**
     * The events that add a target, link it to an external pointer or change its rules (protection, metric guards,
     * post-switch check, retirement) cover its model, name, serving dir, pointer and rules as they are after the event;
     * the newest such event is the one that holds.
     */
    public static boolean coversTarget(EventRecord e) {
        return e.targetId() != null && (e.kind() == EventKind.TARGET || e.kind() == EventKind.PROTECT
                || e.kind() == EventKind.UNPROTECT || e.kind() == EventKind.GUARD || e.kind() == EventKind.RETIRE);
    }
}

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

    /** The event that adds a target covers its model, name and serving dir. */
    public static boolean coversTarget(EventRecord e) {
        return e.kind() == EventKind.TARGET && e.targetId() != null;
    }
}

package dev.rewind.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The kinds of change the append-only history records. */
public enum EventKind {
    REGISTER, TAG, UNTAG, TARGET, DEPLOY, ROLLBACK, IMPORT,
    /** A target was marked protected, or no longer is (both need a reason). */
    PROTECT, UNPROTECT,
    /** A target's metric guards were set or cleared. */
    GUARD,
    /** A target was retired: kept with its history, hidden from lists, never moved again (needs a reason). */
    RETIRE;

    /**
     * The kinds that move a target's pointer (rule 1). The catalog's queries for a target's moves list exactly
     * these; no other place names them.
     */
    public static final Set<EventKind> MOVES = Collections.unmodifiableSet(EnumSet.of(DEPLOY, ROLLBACK, IMPORT));

    private static final EventKind[] ALL = values(); // values() copies its array at each call

    // made once: a long history parses a kind per event, and each lower-casing was a new string
    private final String id = name().toLowerCase(Locale.ROOT);

    public String id() {
        return id;
    }

    /** Whether this kind of event can move a target's pointer (rule 1). */
    public boolean movesPointer() {
        return MOVES.contains(this);
    }

    public static EventKind parse(String id) {
        for (EventKind k : ALL) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw RewindException.badInput("unknown event kind '" + id + "'");
    }
}

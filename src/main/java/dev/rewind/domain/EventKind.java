package dev.rewind.domain;

import java.util.Locale;

/** The kinds of change the append-only history records. */
public enum EventKind {
    REGISTER, TAG, UNTAG, TARGET, DEPLOY, ROLLBACK, IMPORT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this kind of event can move a target's pointer (rule 1). */
    public boolean movesPointer() {
        return this == DEPLOY || this == ROLLBACK || this == IMPORT;
    }

    public static EventKind parse(String id) {
        for (EventKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw RewindException.badInput("unknown event kind '" + id + "'");
    }
}

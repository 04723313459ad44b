package dev.rewind.cli;

import dev.rewind.domain.MoveOverride;
import dev.rewind.domain.MoveRequest;
import java.util.Optional;

/** The command line's words for a move, turned into the request's types here and nowhere else. */
final class MoveRequests {
    /** What {@code --expect} says nothing is live. */
    static final String NOTHING = dev.rewind.domain.Names.NOTHING_LIVE; // the label no version may have

    private MoveRequests() {
    }

    /** {@code --override}: one flag sets aside every rule that can be set aside; the event records which were. */
    static MoveRequest overridingAll(MoveRequest r) {
        MoveRequest out = r;
        for (MoveOverride o : MoveOverride.values()) {
            out = out.overriding(o);
        }
        return out;
    }

    /** {@code --expect V}: only if {@code V} is live ({@code none}: nothing is); absent, nothing is checked. */
    static MoveRequest expecting(MoveRequest r, String expect) {
        if (expect == null) {
            return r;
        }
        return r.expecting(NOTHING.equals(expect) ? Optional.empty() : Optional.of(expect));
    }
}

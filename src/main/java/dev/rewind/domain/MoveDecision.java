package dev.rewind.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the move policy decided: allowed, allowed only with the listed overrides, or refused. Also whether the
 * target is protected (a reason, and in the window the target's name typed, are then required).
 */
public record MoveDecision(Verdict verdict, List<Needed> needed, String refusal, boolean protectedTarget) {

    public enum Verdict { ALLOWED, NEEDS_OVERRIDE, REFUSED }

    /** One rule to set aside, in the window's words and the command line's. */
    public record Needed(MoveOverride override, String windowText, String cliText) {
    }

    public MoveDecision {
        needed = List.copyOf(needed);
    }

    public Set<MoveOverride> overrides() {
        Set<MoveOverride> out = EnumSet.noneOf(MoveOverride.class);
        needed.forEach(n -> out.add(n.override()));
        return out;
    }

    /** Throws unless the request may be made: not refused, every override given, a reason when protected. */
    public void enforce(MoveRequest r) {
        if (verdict == Verdict.REFUSED) {
            throw RewindException.refused(refusal + "; nothing changed");
        }
        List<Needed> missing = needed.stream().filter(n -> !r.overrides().contains(n.override())).toList();
        if (!missing.isEmpty()) {
            throw RewindException.refused(missing.stream().map(Needed::cliText).collect(Collectors.joining("; "))
                    + "; add --override to move anyway; nothing changed");
        }
        if (protectedTarget) {
            Reasons.require("reason", r.reason(), r.target() + " of " + r.model() + " is protected");
        }
    }
}

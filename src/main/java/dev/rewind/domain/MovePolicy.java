package dev.rewind.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The one rule book for deploys and rollbacks, used by the preview and by the move itself, so the window,
 * the command line and Learn mode decide alike.
 */
public final class MovePolicy {
    private MovePolicy() {
    }

    /**
     * Decides a move of a target with {@code target}'s rules to {@code chosen}.
     *
     * @param artifactProblem what is wrong with the chosen version's bytes (null: nothing, or not needed)
     */
    public static MoveDecision decide(Version chosen, EventKind kind, TargetPolicy target, String artifactProblem) {
        return decide(chosen, kind, target, artifactProblem, Abilities.EVERYTHING);
    }

    /**
     * As {@link #decide(Version, EventKind, TargetPolicy, String)} for a user with {@code who}'s abilities: a
     * protected target moves only for a releaser, any other for a deployer (the server of a team catalog checks it
     * again, so this only says so before the move is tried).
     */
    public static MoveDecision decide(Version chosen, EventKind kind, TargetPolicy target, String artifactProblem,
                                      Abilities who) {
        java.util.Optional<String> notAllowed = who.whyNot(Abilities.toMove(target.protectedTarget()));
        if (notAllowed.isPresent()) {
            return new MoveDecision(MoveDecision.Verdict.REFUSED, List.of(), (target.protectedTarget()
                    ? "moving a protected target " : "moving a target ") + notAllowed.get(), target.protectedTarget());
        }
        boolean rollback = kind == EventKind.ROLLBACK;
        if (artifactProblem != null) {
            return new MoveDecision(MoveDecision.Verdict.REFUSED, List.of(),
                    "Cannot switch to " + chosen.label() + ": " + artifactProblem, target.protectedTarget());
        }
        if (rollback && chosen.failed()) {
            return new MoveDecision(MoveDecision.Verdict.REFUSED, List.of(), "version " + chosen.label() + " of "
                    + chosen.model() + " is tagged failed and a rollback never goes to a failed version;"
                    + " deploy it with --override if you really mean it", target.protectedTarget());
        }
        List<MoveDecision.Needed> needed = new ArrayList<>();
        if (chosen.failed()) {
            String note = Tags.value(chosen.tags(), Tags.FAILED);
            needed.add(new MoveDecision.Needed(MoveOverride.FAILED_VERSION,
                    "Deploy although " + chosen.label() + " is tagged failed"
                            + (note == null || note.isBlank() ? "" : " (" + note + ")"),
                    "version " + chosen.label() + " of " + chosen.model() + " is tagged failed"));
        }
        List<String> misses = new ArrayList<>();
        for (MetricGuard g : target.guards()) {
            String miss = g.failure(chosen.metrics());
            if (miss != null) {
                misses.add(miss);
            }
        }
        if (!misses.isEmpty()) {
            String all = String.join("; ", misses);
            needed.add(new MoveDecision.Needed(MoveOverride.GUARD,
                    (rollback ? "Roll back" : "Deploy") + " although a metric guard fails: " + all,
                    "version " + chosen.label() + " misses a metric guard: " + all));
        }
        return new MoveDecision(needed.isEmpty() ? MoveDecision.Verdict.ALLOWED : MoveDecision.Verdict.NEEDS_OVERRIDE,
                needed, null, target.protectedTarget());
    }
}

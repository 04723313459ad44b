package dev.rewind.ui.model;

import dev.rewind.domain.Abilities;
import dev.rewind.domain.TargetState;
import java.util.Optional;

/**
 * Which of the window's changes the connected user may make, and why not, by the rule the services and the server
 * apply ({@link Abilities}): the window disables what would be refused and says which role is missing.
 */
public final class Permits {
    private Permits() {
    }

    /** Why {@code who} may not deploy to or roll back {@code target}; empty when they may. */
    public static Optional<String> move(Abilities who, TargetState target) {
        return who.whyNot(Abilities.toMove(target.protectedTarget())).map(why -> "Moving "
                + (target.protectedTarget() ? "protected target " : "") + target.name() + " " + why);
    }

    /** Why {@code who} may not tag, untag or import; empty when they may. */
    public static Optional<String> edit(Abilities who) {
        return who.whyNot(Abilities.Ability.EDIT).map(why -> "Tagging " + why);
    }

    /**
     * The window's standing note on what this user may not do, by the first ability they lack (each role includes
     * the ones before); empty when they may do everything.
     */
    public static Optional<String> note(Abilities who) {
        return edit(who).map(why -> "Browse only: " + why).or(() -> anyMove(who)).or(() -> who.whyNot(
                Abilities.Ability.RELEASE).map(why -> "Protected targets: moving them " + why));
    }

    /** {@link #note} in a few words for the toolbar ("Protected targets need rewind_releaser"); the note is its tooltip. */
    public static Optional<String> shortNote(Abilities who) {
        if (!who.may(Abilities.Ability.EDIT)) {
            return Optional.of("Browse only (tagging needs " + Abilities.Ability.EDIT.role() + ")");
        }
        if (!who.may(Abilities.Ability.DEPLOY)) {
            return Optional.of("Moves need " + Abilities.Ability.DEPLOY.role());
        }
        return who.may(Abilities.Ability.RELEASE) ? Optional.empty()
                : Optional.of("Protected targets need " + Abilities.Ability.RELEASE.role());
    }

    /** Why {@code who} may move no target at all; empty when some target may be moved. */
    public static Optional<String> anyMove(Abilities who) {
        return who.whyNot(Abilities.Ability.DEPLOY).map(why -> "Deploying and rolling back " + why);
    }
}

package dev.rewind.domain;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the connected user may change in the catalog. A file catalog allows everything (the file's permissions
 * decide); a team catalog on PostgreSQL asks the server, whose grants and checks enforce the same rule, so the window
 * can disable what would be refused and say which role is missing.
 */
public record Abilities(String user, Set<Ability> granted) {

    /** Each includes the one before: a releaser may also deploy, a deployer also tag. */
    public enum Ability {
        EDIT("rewind_editor", "register and tag versions"),
        DEPLOY("rewind_deployer", "move targets"),
        RELEASE("rewind_releaser", "move protected targets and change protection, guards and checks");

        private final String role;
        private final String what;

        Ability(String role, String what) {
            this.role = role;
            this.what = what;
        }

        /** The PostgreSQL role that grants it. */
        public String role() {
            return role;
        }

        public String what() {
            return what;
        }
    }

    /** Everything allowed, as on a catalog file. */
    public static final Abilities EVERYTHING = new Abilities(null, EnumSet.allOf(Ability.class));

    public Abilities {
        granted = granted.isEmpty() ? EnumSet.noneOf(Ability.class) : EnumSet.copyOf(granted);
    }

    public boolean may(Ability a) {
        return granted.contains(a);
    }

    /** Why {@code a} is not allowed, in one line naming the missing role; empty when it is allowed. */
    public Optional<String> whyNot(Ability a) {
        return may(a) ? Optional.empty()
                : Optional.of("needs the PostgreSQL role " + a.role() + (user == null ? "" : ", which " + user
                        + " does not have"));
    }

    /** Throws a one-line refusal (exit 1) naming the missing role unless {@code a} is allowed. */
    public void require(Ability a, String doing) {
        whyNot(a).ifPresent(why -> {
            throw RewindException.refused(doing + " " + why + "; nothing changed");
        });
    }

    // written out: a record's own equals links itself through invokedynamic on first use, which on JDK 17 cost the
    // window's first frame about 5 ms (the window compares abilities as it binds them)
    @Override
    public boolean equals(Object o) {
        return o instanceof Abilities a && java.util.Objects.equals(user, a.user) && granted.equals(a.granted);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(user, granted);
    }

    /** What moving a target with this protection needs. */
    public static Ability toMove(boolean protectedTarget) {
        return protectedTarget ? Ability.RELEASE : Ability.DEPLOY;
    }
}

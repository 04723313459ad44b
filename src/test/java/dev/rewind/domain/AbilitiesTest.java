package dev.rewind.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.Abilities.Ability;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Abilities compare by value (their equals is written out, not the record's own). */
class AbilitiesTest {
    @Test
    void equalWhenTheUserAndWhatIsGrantedAreEqual() {
        Abilities a = new Abilities("ana", Set.of(Ability.EDIT, Ability.DEPLOY));
        Abilities same = new Abilities("ana", EnumSet.of(Ability.DEPLOY, Ability.EDIT));
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(a).isNotEqualTo(new Abilities("bob", Set.of(Ability.EDIT, Ability.DEPLOY)))
                .isNotEqualTo(new Abilities("ana", Set.of(Ability.EDIT)))
                .isNotEqualTo(new Abilities(null, Set.of(Ability.EDIT, Ability.DEPLOY)))
                .isNotEqualTo(null).isNotEqualTo("ana");
        assertThat(new Abilities(null, EnumSet.allOf(Ability.class))).isEqualTo(Abilities.EVERYTHING)
                .hasSameHashCodeAs(Abilities.EVERYTHING);
        assertThat(new Abilities(null, Set.of())).isEqualTo(new Abilities(null, EnumSet.noneOf(Ability.class)));
    }
}

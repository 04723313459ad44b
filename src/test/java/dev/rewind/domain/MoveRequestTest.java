package dev.rewind.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MoveRequestTest {
    @Test
    void aPlainRequestChecksNothingAndOverridesNothing() {
        MoveRequest r = MoveRequest.of("m", "production", "1.1");
        assertThat(r.version()).contains("1.1");
        assertThat(r.checksLive()).isFalse();
        assertThat(r.reason()).isNull();
        assertThat(r.overrides()).isEmpty();
        assertThat(MoveRequest.of("m", "production", null).version()).isEmpty();
    }

    @Test
    void eachStepKeepsWhatTheOthersSet() {
        MoveRequest r = MoveRequest.of("m", "production", "1.1").overriding(MoveOverride.FAILED_VERSION)
                .expecting(Optional.empty()).because("launch");
        assertThat(r).isEqualTo(new MoveRequest("m", "production", Optional.of("1.1"), true, Optional.empty(),
                "launch", Set.of(MoveOverride.FAILED_VERSION)));
        assertThat(r.expecting(Optional.of("1.0")).expectedLive()).contains("1.0");
        assertThat(r.expecting(Optional.of("1.0")).reason()).isEqualTo("launch");
    }

    @Test
    void theOverridesCannotBeChangedFromOutside() {
        Set<MoveOverride> mine = EnumSet.noneOf(MoveOverride.class);
        MoveRequest r = new MoveRequest("m", "t", Optional.of("1"), false, Optional.empty(), null, mine);
        mine.add(MoveOverride.FAILED_VERSION);
        assertThat(r.overrides()).isEmpty();
        assertThatThrownBy(() -> r.overrides().add(MoveOverride.FAILED_VERSION))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}

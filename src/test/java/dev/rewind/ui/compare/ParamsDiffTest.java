package dev.rewind.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsDiffTest {
    private static Version version(String label, Map<String, String> params) {
        return new Version(1, "m", label, 1, Instant.EPOCH, "ana", null, null, null, null, Map.of(), params, Map.of());
    }

    @Test
    void everyParamOfAnyVersionIsListedAndAValueOtherThanTheBaselinesIsAChange() {
        ParamsDiff d = ParamsDiff.of(List.of(
                version("1.0", Map.of("learning_rate", "0.05", "max_depth", "8", "seed", "7")),
                version("1.1", Map.of("learning_rate", "0.05", "max_depth", "8", "seed", "7")),
                version("2.0", Map.of("learning_rate", "0.0003", "max_depth", "8", "seed", "7"))));
        assertThat(d.versions()).containsExactly("1.0", "1.1", "2.0");
        assertThat(d.rows()).extracting(ParamsDiff.Row::key).containsExactly("learning_rate", "max_depth", "seed");
        ParamsDiff.Row lr = d.rows().get(0);
        assertThat(lr.values()).containsExactly("0.05", "0.05", "0.0003");
        assertThat(lr.changed()).isTrue();
        assertThat(lr.changed(1)).as("1.1 keeps the baseline's rate").isFalse();
        assertThat(lr.changed(2)).isTrue();
        assertThat(d.rows().get(1).changed()).isFalse();
        assertThat(d.changedCount()).isEqualTo(1);
    }

    @Test
    void aParamAddedOrDroppedIsAChangeAndItsMissingValueIsNull() {
        Map<String, String> withNull = new HashMap<>();
        withNull.put("dropout", "0.1");
        ParamsDiff d = ParamsDiff.of(List.of(version("1.0", Map.of("layers", "4")), version("2.0", withNull)));
        assertThat(d.rows()).extracting(ParamsDiff.Row::key).containsExactly("dropout", "layers");
        assertThat(d.rows().get(0).values()).containsExactly(null, "0.1");
        assertThat(d.rows().get(1).values()).containsExactly("4", null);
        assertThat(d.rows()).allMatch(ParamsDiff.Row::changed);
    }

    @Test
    void aSingleVersionHasNothingChanged() {
        ParamsDiff d = ParamsDiff.of(List.of(version("1.0", Map.of("layers", "4"))));
        assertThat(d.changedCount()).isZero();
        assertThat(ParamsDiff.EMPTY.rows()).isEmpty();
    }
}

package dev.rewind.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricSharesTest {
    @Test
    void eachValueIsAShareOfItsMetricsLargestSoUnitsDoNotMatter() {
        double[] latency = MetricShares.of(List.of(12.0, 31.0, 11.0));
        double[] auc = MetricShares.of(List.of(0.925, 0.951, 0.912));
        assertThat(latency[1]).isEqualTo(1.0);
        assertThat(latency[0]).isCloseTo(12 / 31.0, within(1e-12));
        assertThat(auc[1]).as("the best auc fills its bar like the worst latency does").isEqualTo(1.0);
        assertThat(auc[0]).isCloseTo(0.925 / 0.951, within(1e-12));
    }

    @Test
    void aMissingValueStaysMissingAndNegativesKeepTheirSign() {
        double[] s = MetricShares.of(List.of(Double.NaN, -2.0, 1.0));
        assertThat(s[0]).isNaN();
        assertThat(s[1]).isEqualTo(-1.0);
        assertThat(s[2]).isEqualTo(0.5);
    }

    @Test
    void allZeroOrAllMissingValuesGiveZeroOrMissingShares() {
        assertThat(MetricShares.of(List.of(0.0, 0.0))).containsExactly(0.0, 0.0);
        assertThat(MetricShares.of(List.of(Double.NaN))[0]).isNaN();
    }
}

package dev.rewind.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static Version v(String label, Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return new Version(label.hashCode(), "m", label, 1, Instant.EPOCH, "a", null, null, null, null, m, Map.of(),
                Map.of());
    }

    @Test
    void deltasFollowTheMetricsDirection() {
        MetricDelta auc = new MetricDelta("auc", 0.90, 0.93, Direction.HIGHER);
        assertThat(auc.absolute()).isCloseTo(0.03, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(auc.relative()).isCloseTo(0.0333, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(auc.verdict()).isEqualTo(MetricDelta.Verdict.BETTER);
        MetricDelta loss = new MetricDelta("loss", 0.30, 0.35, Direction.LOWER);
        assertThat(loss.verdict()).isEqualTo(MetricDelta.Verdict.WORSE);
        assertThat(new MetricDelta("loss", 0.3, 0.2, Direction.LOWER).verdict()).isEqualTo(MetricDelta.Verdict.BETTER);
    }

    @Test
    void missingNanEqualAndZeroBaselines() {
        MetricDelta missing = new MetricDelta("auc", Double.NaN, 0.9, Direction.HIGHER);
        assertThat(missing.missing()).isTrue();
        assertThat(missing.absolute()).isNaN();
        assertThat(missing.relative()).isNaN();
        assertThat(missing.verdict()).isEqualTo(MetricDelta.Verdict.UNKNOWN);
        assertThat(new MetricDelta("auc", 0.9, Double.NaN, Direction.HIGHER).verdict()).isEqualTo(MetricDelta.Verdict.UNKNOWN);
        MetricDelta same = new MetricDelta("auc", 0.9, 0.9, Direction.HIGHER);
        assertThat(same.verdict()).isEqualTo(MetricDelta.Verdict.SAME);
        assertThat(same.absolute()).isZero();
        assertThat(same.relative()).isZero();
        MetricDelta zero = new MetricDelta("errors", 0, 3, Direction.LOWER);
        assertThat(zero.absolute()).isEqualTo(3);
        assertThat(zero.relative()).as("no relative change from a zero baseline").isNaN();
        assertThat(zero.verdict()).isEqualTo(MetricDelta.Verdict.WORSE);
        MetricDelta negative = new MetricDelta("score", -2, -1, Direction.HIGHER);
        assertThat(negative.relative()).isEqualTo(0.5);
        MetricDelta inf = new MetricDelta("loss", Double.POSITIVE_INFINITY, 1, Direction.LOWER);
        assertThat(inf.verdict()).isEqualTo(MetricDelta.Verdict.BETTER);
    }

    @Test
    void comparisonHasARowPerKeyOfAnyVersionAndMarksTheBest() {
        Comparison c = Comparison.of("m", List.of(v("1", "auc", 0.9, "loss", 0.3), v("2", "auc", 0.95),
                v("3", "auc", 0.92, "loss", 0.2, "latency_ms", 12)), Map.of());
        assertThat(c.versions()).containsExactly("1", "2", "3");
        assertThat(c.rows()).extracting(Comparison.Row::key).containsExactly("auc", "latency_ms", "loss");
        Comparison.Row auc = c.rows().get(0);
        assertThat(auc.best()).isEqualTo(1);
        assertThat(auc.deltas()).hasSize(2);
        assertThat(auc.deltas().get(0).verdict()).isEqualTo(MetricDelta.Verdict.BETTER);
        Comparison.Row latency = c.rows().get(1);
        assertThat(latency.value(0)).isNaN();
        assertThat(latency.value(1)).isNaN();
        assertThat(latency.best()).isEqualTo(2);
        assertThat(latency.deltas().get(1).verdict()).isEqualTo(MetricDelta.Verdict.UNKNOWN);
        Comparison.Row loss = c.rows().get(2);
        assertThat(loss.direction()).isEqualTo(Direction.LOWER);
        assertThat(loss.best()).isEqualTo(2);
        assertThat(loss.deltas().get(0).missing()).isTrue();
    }

    @Test
    void equalValuesHaveNoBestAndSetDirectionsWin() {
        Comparison c = Comparison.of("m", List.of(v("1", "x", 1), v("2", "x", 1)), Map.of());
        assertThat(c.rows().get(0).best()).isEqualTo(-1);
        Comparison lower = Comparison.of("m", List.of(v("1", "auc", 0.9), v("2", "auc", 0.8)),
                Map.of("auc", Direction.LOWER));
        assertThat(lower.rows().get(0).deltas().get(0).verdict()).isEqualTo(MetricDelta.Verdict.BETTER);
        assertThat(lower.rows().get(0).best()).isEqualTo(1);
    }
}

package dev.rewind.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainRulesTest {
    @Test
    void lossLikeMetricsAreLowerIsBetterByDefault() {
        for (String k : new String[] {"loss", "val_loss", "error_rate", "rmse", "mae", "mse", "latency_ms",
            "p99_latency_ms", "train_time_s", "live_false_positive_rate", "drift_score", "model_size_mb"}) {
            assertThat(Direction.defaultFor(k)).as(k).isEqualTo(Direction.LOWER);
        }
        for (String k : new String[] {"auc", "accuracy", "f1", "precision", "ndcg_at_10", "throughput_qps"}) {
            assertThat(Direction.defaultFor(k)).as(k).isEqualTo(Direction.HIGHER);
        }
    }

    @Test
    void directionDecidesWhatIsBetter() {
        assertThat(Direction.HIGHER.better(0.9, 0.8)).isTrue();
        assertThat(Direction.LOWER.better(0.9, 0.8)).isFalse();
        assertThat(Direction.LOWER.better(0.1, 0.1)).isFalse();
        assertThatThrownBy(() -> Direction.parse("sideways")).hasMessageContaining("'higher' or 'lower'");
    }

    @Test
    void metricsMustBeNumbers() {
        assertThat(MetricValue.parse("auc=0.91").value()).isEqualTo(0.91);
        assertThat(MetricValue.parse("loss=NaN").value()).isNaN();
        assertThatThrownBy(() -> MetricValue.parse("auc=high"))
                .hasMessage("metric auc has value 'high', which is not a number");
        assertThatThrownBy(() -> MetricValue.parse("=1")).hasMessageContaining("KEY=NUMBER");
        assertThatThrownBy(() -> MetricValue.parse("auc")).hasMessageContaining("KEY=NUMBER");
    }

    @Test
    void tagsParseKeyAndOptionalValue() {
        assertThat(Tags.parse("stable").getValue()).isNull();
        assertThat(Tags.parse("owner=ana").getValue()).isEqualTo("ana");
        assertThat(Tags.parse("note=a=b").getValue()).isEqualTo("a=b");
        assertThatThrownBy(() -> Tags.parse("=x")).hasMessageContaining("tag key must not be empty");
        assertThat(Tags.isFailed(Map.of("failed", ""))).isTrue();
        assertThat(Tags.isStable(Map.of("owner", "x"))).isFalse();
    }

    @Test
    void onlyDeployRollbackAndImportMoveTargets() {
        assertThat(EventKind.DEPLOY.movesPointer()).isTrue();
        assertThat(EventKind.ROLLBACK.movesPointer()).isTrue();
        assertThat(EventKind.IMPORT.movesPointer()).isTrue();
        assertThat(EventKind.TAG.movesPointer()).isFalse();
        assertThat(EventKind.parse("rollback")).isEqualTo(EventKind.ROLLBACK);
    }
}

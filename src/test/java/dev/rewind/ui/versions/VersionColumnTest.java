package dev.rewind.ui.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionColumnTest {
    @Test
    void labelsSortInVersionOrder() {
        List<String> labels = new ArrayList<>(List.of("1.10.0", "v10", "1.9.0", "1.9", "v2", "2.0.0-rc1", "2.0.0"));
        labels.sort(VersionColumn::compareLabels);
        assertThat(labels).containsExactly("1.9", "1.9.0", "1.10.0", "2.0.0", "2.0.0-rc1", "v2", "v10");
    }

    @Test
    void columnIdsNameTheirMetric() {
        assertThat(VersionColumn.SEQ.id()).isEqualTo("col-seq");
        assertThat(VersionColumn.metric("auc").id()).isEqualTo("col-metric-auc");
    }
}

package dev.rewind.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartExportTitleTest {
    @Test
    void theTitleNamesTheModelTheChartTheVersionsWithTheBaselineAndTheDate() {
        assertThat(ChartExport.title("fraud-detector", "Side by side", List.of("1.1.0", "2.0.0", "1.0.0"),
                LocalDate.of(2026, 11, 30)))
                .isEqualTo("fraud-detector · Side by side · 1.1.0 (base) vs 2.0.0, 1.0.0 · 2026-11-30");
        assertThat(ChartExport.title("m", "Training curves", List.of("2.0"), LocalDate.of(2026, 1, 2)))
                .isEqualTo("m · Training curves · 2.0 · 2026-01-02");
    }
}

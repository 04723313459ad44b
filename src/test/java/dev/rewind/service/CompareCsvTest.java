package dev.rewind.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rewind.domain.Comparison;
import dev.rewind.domain.Direction;
import dev.rewind.domain.MetricDelta;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison's CSV: plain cells stay bare, and a cell holding a comma, a quote or a line break survives. */
class CompareCsvTest {

    @Test
    void plainCellsAreWrittenBareOneLinePerMetric() {
        Comparison c = new Comparison("m", List.of("1", "2"), List.of(
                row("auc", Direction.HIGHER, 0.9, 0.93),
                row("latency_ms", Direction.LOWER, Double.NaN, 12)));
        assertThat(CompareService.csv(c)).isEqualTo("""
                metric,direction,1,2,delta 2,relative 2,verdict 2
                auc,higher,0.9,0.93,%s,%s,better
                latency_ms,lower,,12.0,,,unknown
                """.formatted(0.93 - 0.9, (0.93 - 0.9) / 0.9));
    }

    @Test
    void aCellWithACommaAQuoteAndALineBreakIsQuotedAndReadsBack() throws Exception {
        String awkward = "f1, \"macro\"\nweighted";
        Comparison c = new Comparison("m", List.of("a,b", "2"), List.of(row(awkward, Direction.HIGHER, 1, 2)));
        String csv = CompareService.csv(c);
        assertThat(csv).startsWith("metric,direction,\"a,b\",2,delta 2,relative 2,verdict 2\n"
                + "\"f1, \"\"macro\"\"\nweighted\",higher,1.0,2.0,");

        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class)
                .with(CsvSchema.emptySchema()).readValues(csv)) {
            List<List<String>> all = rows.readAll();
            assertThat(all).hasSize(2);
            assertThat(all.get(0).get(2)).isEqualTo("a,b");
            assertThat(all.get(1).get(0)).isEqualTo(awkward);
            assertThat(all.get(1).get(6)).isEqualTo("better");
        }
    }

    private static Comparison.Row row(String key, Direction d, double baseline, double candidate) {
        return new Comparison.Row(key, d, List.of(baseline, candidate),
                List.of(new MetricDelta(key, baseline, candidate, d)), -1);
    }
}

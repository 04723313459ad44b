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
                """.formatted(0.93 - 0.9, (0.93 - 0.9) / 0.9).replace("\n", "\r\n")); // RFC 4180 line ends
    }

    @Test
    void aCellWithACommaAQuoteAndALineBreakIsQuotedAndReadsBack() throws Exception {
        String awkward = "f1, \"macro\"\nweighted";
        Comparison c = new Comparison("m", List.of("a,b", "2"), List.of(row(awkward, Direction.HIGHER, 1, 2)));
        String csv = CompareService.csv(c);
        assertThat(csv).startsWith("metric,direction,\"a,b\",2,delta 2,relative 2,verdict 2\r\n"
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

    @Test
    void formulaLikeTextCellsGetAnApostropheWhileNegativeNumbersStayNumbers() throws Exception {
        Comparison c = new Comparison("m", List.of("=HYPERLINK(\"http://x\")", "@SUM(A1)"), List.of(
                row("+cmd|' /C calc'!A0", Direction.HIGHER, -0.5, -1.25),
                row("-2+3", Direction.LOWER, 1, 2),
                row("\tTAB", Direction.HIGHER, 1, 2),
                row("\rCR", Direction.HIGHER, 1, 2),
                row("auc", Direction.HIGHER, 1, 2)));
        String csv = CompareService.csv(c);
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> all;
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class)
                .with(CsvSchema.emptySchema()).readValues(csv)) {
            all = rows.readAll();
        }
        assertThat(all).hasSize(6);
        assertThat(all.get(0).subList(2, 4)).containsExactly("'=HYPERLINK(\"http://x\")", "'@SUM(A1)");
        assertThat(all.get(0).get(4)).isEqualTo("delta @SUM(A1)");
        assertThat(all.get(1).subList(0, 4)).containsExactly("'+cmd|' /C calc'!A0", "higher", "-0.5", "-1.25");
        assertThat(all.get(1).get(4)).isEqualTo("-0.75");
        assertThat(all.get(2).get(0)).isEqualTo("'-2+3");
        assertThat(all.get(3).get(0)).isEqualTo("'\tTAB");
        assertThat(all.get(4).get(0)).isEqualTo("'\rCR");
        assertThat(all.get(5).get(0)).isEqualTo("auc");
        // every record ends with CRLF, and the CR inside a cell is quoted, never bare
        assertThat(csv.split("\r\n", -1)).hasSize(7);
        assertThat(csv).contains("\"'\rCR\"");
    }

    private static Comparison.Row row(String key, Direction d, double baseline, double candidate) {
        return new Comparison.Row(key, d, List.of(baseline, candidate),
                List.of(new MetricDelta(key, baseline, candidate, d)), -1);
    }
}

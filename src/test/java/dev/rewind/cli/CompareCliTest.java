package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    CliRun cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRun(dir.resolve("c.db"));
        cli.run("init");
        Path a = Files.writeString(dir.resolve("a"), "a");
        cli.run("register", "m", "1", "--artifact", a.toString(), "--metric", "auc=0.9", "--metric", "loss=0.3",
                "--metric", "zero=0");
        cli.run("register", "m", "2", "--artifact", a.toString(), "--metric", "auc=0.93", "--metric", "loss=0.35",
                "--metric", "zero=2", "--metric", "latency_ms=12");
    }

    @Test
    void textShowsValuesDeltasVerdictsAndMissing() {
        var r = cli.run("compare", "m", "1", "2");
        assertThat(r.code()).as(r.toString()).isZero();
        String out = r.out();
        assertThat(out.lines().filter(l -> l.startsWith("auc")).findFirst().orElseThrow())
                .contains("0.9", "0.93*", "+0.03 (+3.3%) (+)");
        assertThat(out.lines().filter(l -> l.startsWith("loss")).findFirst().orElseThrow())
                .contains("0.3*", "(-)").contains("↓");
        assertThat(out.lines().filter(l -> l.startsWith("latency_ms")).findFirst().orElseThrow())
                .matches("latency_ms\\s+↓\\s+-\\s+12\\*?\\s+-");
        assertThat(out.lines().filter(l -> l.startsWith("zero")).findFirst().orElseThrow()).contains("+2 (+)")
                .doesNotContain("%");
    }

    @Test
    void jsonAndCsvCarryTheSameNumbers() throws Exception {
        Path csv = dir.resolve("out.csv");
        var r = cli.run("compare", "m", "1", "2", "--json", "--csv", csv.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("baseline").asText()).isEqualTo("1");
        JsonNode auc = j.get("metrics").get(0);
        assertThat(auc.get("metric").asText()).isEqualTo("auc");
        assertThat(auc.get("values").get("2").asDouble()).isEqualTo(0.93);
        assertThat(auc.get("best").asText()).isEqualTo("2");
        assertThat(auc.get("deltas").get("2").get("verdict").asText()).isEqualTo("better");
        JsonNode latency = j.get("metrics").get(1);
        assertThat(latency.get("values").get("1").isNull()).as("missing is null, not 0").isTrue();
        assertThat(latency.get("deltas").get("2").get("verdict").asText()).isEqualTo("unknown");

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("metric,direction,1,2,delta 2,relative 2,verdict 2");
        String[] aucRow = lines.get(1).split(",", -1);
        assertThat(aucRow[0]).isEqualTo("auc");
        assertThat(Double.parseDouble(aucRow[2])).isEqualTo(0.9);
        assertThat(Double.parseDouble(aucRow[3])).isEqualTo(0.93);
        assertThat(Double.parseDouble(aucRow[4])).isEqualTo(auc.get("deltas").get("2").get("absolute").asDouble());
        assertThat(aucRow[6]).isEqualTo("better");
        String[] latencyRow = lines.get(2).split(",", -1);
        assertThat(latencyRow[2]).as("missing is an empty cell").isEmpty();
        assertThat(Double.parseDouble(latencyRow[3])).isEqualTo(12);
    }

    @Test
    void setDirectionChangesTheVerdict() throws Exception {
        assertThat(cli.run("metric", "set-direction", "auc", "lower").code()).isZero();
        JsonNode j = JSON.readTree(cli.run("compare", "m", "1", "2", "--json").out());
        assertThat(j.get("metrics").get(0).get("direction").asText()).isEqualTo("lower");
        assertThat(j.get("metrics").get(0).get("deltas").get("2").get("verdict").asText()).isEqualTo("worse");
        assertThat(cli.run("metric", "directions").out()).contains("auc", "lower");
    }

    @Test
    void badInputIsRefusedWithoutChange() {
        String before = CatalogDump.of(cli.catalog());
        Object[][] cases = {
            {2, "has no version '9'", new String[] {"compare", "m", "1", "9"}},
            {2, "named twice", new String[] {"compare", "m", "1", "1"}},
            {2, "unknown model 'x'", new String[] {"compare", "x", "1"}},
            {2, "'higher' or 'lower'", new String[] {"metric", "set-direction", "auc", "up-ish"}},
            {2, "Missing required parameter", new String[] {"compare", "m"}},
            {2, "folder does not exist", new String[] {"compare", "m", "1", "2", "--csv", dir.resolve("no/x.csv").toString()}},
        };
        for (Object[] c : cases) {
            var r = cli.run((String[]) c[2]);
            assertThat(r.code()).as(r.toString()).isEqualTo(c[0]);
            assertThat(r.err()).as(r.toString()).contains((String) c[1]);
            assertThat(CatalogDump.of(cli.catalog())).isEqualTo(before);
        }
    }
}

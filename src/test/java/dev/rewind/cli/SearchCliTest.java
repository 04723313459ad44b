package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    CliRun cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRun(dir.resolve("catalog.db"));
        ok("init");
        String art = Files.writeString(dir.resolve("model.pkl"), "weights").toString();
        ok("register", "fraud", "1.0.0", "--artifact", art, "--metric", "auc=0.91", "--metric", "latency_ms=25",
                "--tag", "stable", "--tag", "owner=ana");
        ok("register", "fraud", "1.1.0", "--artifact", art, "--metric", "auc=0.95", "--metric", "latency_ms=40",
                "--tag", "owner=bruno", "--param", "lr=0.1");
        ok("register", "fraud", "1.2.0", "--artifact", art, "--metric", "auc=0.93", "--metric", "latency_ms=12",
                "--tag", "stable", "--param", "lr=0.01");
        ok("register", "churn", "7", "--artifact", art, "--metric", "auc=0.97", "--tag", "stable");
        ok("register", "churn", "8", "--artifact", art, "--metric", "auc=0.80");
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result r = cli.run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        return r;
    }

    private List<String> labels(String json) throws Exception {
        List<String> out = new ArrayList<>();
        JSON.readTree(json).forEach(v -> out.add(v.get("model").asText() + ":" + v.get("version").asText()));
        return out;
    }

    @Test
    void versionsWhereTagSortAndLimitKeepWhatTheySay() throws Exception {
        assertThat(labels(ok("versions", "fraud", "--where", "auc>0.9 and latency_ms<=30", "--json").out()))
                .containsExactly("fraud:1.0.0", "fraud:1.2.0");
        assertThat(labels(ok("versions", "fraud", "--tag", "stable", "--sort", "-auc", "--json").out()))
                .containsExactly("fraud:1.2.0", "fraud:1.0.0");
        assertThat(labels(ok("versions", "fraud", "--sort=-auc", "--limit", "1", "--json").out()))
                .containsExactly("fraud:1.1.0");
        assertThat(labels(ok("versions", "fraud", "--tag", "owner=ana", "--json").out()))
                .containsExactly("fraud:1.0.0");
        assertThat(labels(ok("versions", "fraud", "--where", "lr < 0.05", "--json").out()))
                .containsExactly("fraud:1.2.0");
        assertThat(labels(ok("versions", "fraud", "--where", "owner='nobody'", "--json").out())).isEmpty();
    }

    @Test
    void filteredVersionsCarryTheFullVersionsJsonSchema() throws Exception {
        JsonNode full = JSON.readTree(ok("versions", "fraud", "--json").out()).get(1);
        JsonNode found = JSON.readTree(ok("versions", "fraud", "--where", "auc>0.94", "--json").out()).get(0);
        assertThat(found).isEqualTo(full);
        assertThat(found.get("artifactSha256").asText()).hasSize(64);
        assertThat(found.get("metrics").get("latency_ms").asDouble()).isEqualTo(40.0);
        assertThat(found.get("params").get("lr").asText()).isEqualTo("0.1");
    }

    @Test
    void searchLooksAcrossModels() throws Exception {
        assertThat(labels(ok("search", "--where", "auc>=0.93", "--json").out()))
                .containsExactly("churn:7", "fraud:1.1.0", "fraud:1.2.0");
        assertThat(labels(ok("search", "--tag", "stable", "--sort", "-auc", "--limit", "2", "--json").out()))
                .containsExactly("churn:7", "fraud:1.2.0");
        String table = ok("search", "--where", "auc<0.9").out();
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("MODEL");
        assertThat(table).contains("churn").contains("auc=0.8").doesNotContain("fraud");
    }

    @Test
    void searchErrorsAreOneLineWithExitTwo() {
        Object[][] cases = {
            {new String[] {"versions", "fraud", "--where", "auc>>0.9"},
                "rewind: cannot parse --where at position 5: expected a number or a quoted string, found '>0.9'"},
            {new String[] {"search", "--where", "owner<ana"},
                "rewind: cannot parse --where at position 7: '<' compares numbers; 'ana' is not a number"},
            {new String[] {"search", "--where", "auc>0.9 or stable"},
                "rewind: cannot parse --where at position 9: expected 'and' or the end, found 'or'"},
            {new String[] {"versions", "fraud", "--sort", "-tag.owner"}, "tags have no order"},
            {new String[] {"versions", "fraud", "--limit", "0"}, "the limit must be at least 1, not 0"},
            {new String[] {"versions", "fruad", "--where", "auc>0"},
                "rewind: unknown model 'fruad' (did you mean 'fraud'?)"},
            {new String[] {"search", "--tag", ""}, "tag key must not be empty"},
        };
        for (Object[] c : cases) {
            var r = cli.run((String[]) c[0]);
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(r.toString()).startsWith("rewind: ").contains((String) c[1]);
            assertThat(r.err().lines().count()).as(r.toString()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
        }
    }
}

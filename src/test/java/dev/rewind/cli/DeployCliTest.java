package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    CliRun cli;
    Path serving;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRun(dir.resolve("c.db"));
        cli.run("init");
        for (String v : new String[] {"1.0", "1.1", "2.0"}) {
            Path a = Files.writeString(dir.resolve(v + ".bin"), "model " + v);
            assertThat(cli.run("register", "m", v, "--artifact", a.toString(), "--metric", "auc=0." + v.replace(".", ""))
                    .code()).isZero();
        }
        serving = dir.resolve("serve");
        assertThat(cli.run("target", "add", "m", "production", "--serving-dir", serving.toString()).code()).isZero();
        assertThat(cli.run("target", "add", "m", "staging").code()).isZero();
    }

    @Test
    void deployRollbackTargetsAndHistoryEndToEnd() throws Exception {
        assertThat(cli.run("deploy", "m", "production", "1.0", "--reason", "launch").code()).isZero();
        assertThat(cli.as("bruno").run("deploy", "m", "production", "2.0", "--expect", "1.0").code()).isZero();
        var rb = cli.as("carol").run("rollback", "m", "production", "--expect", "2.0", "--reason", "FPR tripled", "--json");
        assertThat(rb.code()).as(rb.toString()).isZero();
        JsonNode move = JSON.readTree(rb.out());
        assertThat(move.get("kind").asText()).isEqualTo("rollback");
        assertThat(move.get("from").asText()).isEqualTo("2.0");
        assertThat(move.get("to").asText()).isEqualTo("1.0");
        assertThat(serving.resolve("current")).hasContent("model 1.0");

        JsonNode targets = JSON.readTree(cli.run("targets", "m", "--json").out());
        assertThat(targets).hasSize(2);
        assertThat(targets.get(0).get("target").asText()).isEqualTo("production");
        assertThat(targets.get(0).get("version").asText()).isEqualTo("1.0");
        assertThat(targets.get(0).get("servingDir").asText()).isEqualTo(serving.toString());
        assertThat(Instant.parse(targets.get(0).get("since").asText())).isNotNull();
        assertThat(targets.get(1).get("version").isNull()).isTrue();

        JsonNode history = JSON.readTree(cli.run("history", "m", "--target", "production", "--json").out());
        JsonNode newest = history.get(0);
        assertThat(newest.get("kind").asText()).isEqualTo("rollback");
        assertThat(newest.get("from").asText()).isEqualTo("2.0");
        assertThat(newest.get("to").asText()).isEqualTo("1.0");
        assertThat(newest.get("reason").asText()).isEqualTo("FPR tripled");
        assertThat(newest.get("actor").asText()).isEqualTo("carol");
        assertThat(newest.get("host").asText()).isEqualTo("test-host");
        assertThat(Instant.parse(newest.get("at").asText())).isNotNull();
        assertThat(history.get(0).get("id").asLong()).isGreaterThan(history.get(1).get("id").asLong());
        assertThat(history.findValuesAsText("kind")).containsExactly("rollback", "deploy", "deploy", "target");

        JsonNode all = JSON.readTree(cli.run("history", "m", "--json").out());
        assertThat(all.findValuesAsText("kind")).contains("register", "target");

        var verify = cli.run("verify");
        assertThat(verify.code()).isZero();
        assertThat(verify.out()).contains("ok:");
    }

    @Test
    void staleExpectExitsOneNamingTheLiveVersion() {
        cli.run("deploy", "m", "production", "1.1");
        String before = CatalogDump.of(cli.catalog());
        var r = cli.run("rollback", "m", "production", "--to", "1.0", "--expect", "2.0");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("rewind: production of m now serves 1.1");
        assertThat(CatalogDump.of(cli.catalog())).isEqualTo(before);
    }

    @Test
    void expectNoneMeansNothingIsLive() {
        var first = cli.run("deploy", "m", "staging", "1.0", "--expect", "none");
        assertThat(first.code()).as(first.toString()).isZero();
        String before = CatalogDump.of(cli.catalog());
        var again = cli.run("deploy", "m", "staging", "1.1", "--expect", "none");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).startsWith("rewind: staging of m now serves 1.0").contains("not nothing as expected");
        assertThat(CatalogDump.of(cli.catalog())).isEqualTo(before);
        assertThat(cli.run("deploy", "m", "staging", "1.1", "--expect", "1.0").code()).isZero();
    }

    @Test
    void badInputsExitWithTheRightCodeAndChangeNothing() throws Exception {
        cli.run("deploy", "m", "production", "1.0");
        cli.run("tag", "m", "2.0", "failed");
        String before = CatalogDump.of(cli.catalog());
        String link = Files.readSymbolicLink(serving.resolve("current")).toString();
        Object[][] cases = {
            {2, "has no target 'canary'", new String[] {"deploy", "m", "canary", "1.1"}},
            {2, "unknown model 'x'", new String[] {"rollback", "x", "production"}},
            {1, "no earlier good version", new String[] {"rollback", "m", "production"}},
            {1, "serves nothing yet", new String[] {"rollback", "m", "staging"}},
            {1, "tagged failed", new String[] {"deploy", "m", "production", "2.0"}},
            // re-running a deploy of the live version succeeds and changes nothing (re-runnable CI steps)
            {0, "", new String[] {"deploy", "m", "production", "1.0"}},
            {2, "not an ISO-8601 time", new String[] {"targets", "m", "--at", "soon"}},
            {2, "--at needs a MODEL", new String[] {"targets", "--at", "2026-01-01"}},
            {2, "already has a target 'production'", new String[] {"target", "add", "m", "production"}},
            {2, "has no target 'canary'", new String[] {"history", "m", "--target", "canary"}},
        };
        for (Object[] c : cases) {
            var r = cli.run((String[]) c[2]);
            assertThat(r.code()).as(r.toString()).isEqualTo(c[0]);
            assertThat(r.err()).as(r.toString()).contains((String) c[1]);
            assertThat(CatalogDump.of(cli.catalog())).isEqualTo(before);
            assertThat(Files.readSymbolicLink(serving.resolve("current")).toString()).isEqualTo(link);
        }
    }

    @Test
    void verifyExitsOneWhileProblemsRemainAndRepairFinishesSwitches() throws Exception {
        cli.run("deploy", "m", "production", "1.0");
        cli.run("deploy", "m", "production", "1.1");
        Files.delete(serving.resolve("DEPLOYED.json"));
        var broken = cli.run("verify", "--json");
        assertThat(broken.code()).isEqualTo(1);
        JsonNode report = JSON.readTree(broken.out());
        assertThat(report.get("clean").asBoolean()).isFalse();
        assertThat(report.get("problems").get(0).asText()).contains("DEPLOYED.json is missing");
        var repaired = cli.run("verify", "--repair");
        assertThat(repaired.code()).as(repaired.toString()).isZero();
        assertThat(repaired.out()).contains("repaired: switched");
        assertThat(serving.resolve("DEPLOYED.json")).exists();
    }

    @Test
    void interruptedSwitchIsFinishedByTheNextStart() throws Exception {
        cli.run("deploy", "m", "production", "1.0");
        // simulate a crash between commit and switch: the catalog moved, the directory did not
        CatalogDump.exec(cli.catalog(),
                "INSERT INTO pending_switches(event_id, target_id) SELECT max(id), (SELECT id FROM targets WHERE name='production') FROM events");
        Files.delete(serving.resolve("current"));
        assertThat(cli.run("verify").code()).isEqualTo(1);
        var next = cli.run("models");
        assertThat(next.code()).isZero();
        assertThat(next.err()).contains("finished an interrupted switch");
        assertThat(serving.resolve("current")).hasContent("model 1.0");
        assertThat(cli.run("verify").code()).isZero();
    }

    @Test
    void aSwitchThatCannotBeFinishedIsAWarningAndTheCommandStillRuns() throws Exception {
        cli.run("deploy", "m", "production", "1.0");
        CatalogDump.exec(cli.catalog(),
                "INSERT INTO pending_switches(event_id, target_id) SELECT max(id), (SELECT id FROM targets WHERE name='production') FROM events");
        Files.delete(serving.resolve("current"));
        Files.writeString(serving.resolve("current"), "not Rewind's link");
        var next = cli.run("models");
        assertThat(next.code()).isZero();
        assertThat(next.out()).contains("production=1.0");
        assertThat(next.err()).startsWith("rewind: warning: the move is recorded: the catalog says production of m moved")
                .contains("is not a symbolic link");
    }

    @Test
    void pointInTimeQueries() throws Exception {
        Instant start = Instant.now();
        Thread.sleep(20);
        cli.run("deploy", "m", "production", "1.0");
        Thread.sleep(20);
        Instant middle = Instant.now();
        Thread.sleep(20);
        cli.run("deploy", "m", "production", "1.1");
        JsonNode atStart = JSON.readTree(cli.run("targets", "m", "--at", start.toString(), "--json").out());
        JsonNode atMiddle = JSON.readTree(cli.run("targets", "m", "--at", middle.toString(), "--json").out());
        JsonNode now = JSON.readTree(cli.run("targets", "m", "--at", Instant.now().toString(), "--json").out());
        assertThat(atStart.get(0).get("version").isNull()).isTrue();
        assertThat(atMiddle.get(0).get("version").asText()).isEqualTo("1.0");
        assertThat(now.get(0).get("version").asText()).isEqualTo("1.1");
    }
}

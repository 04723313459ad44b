package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The move policy on the command line: overrides, protected targets, guards, reasons, idempotence, stable. */
class MovePolicyCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    CliRun cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRun(dir.resolve("c.db"));
        cli.run("init");
        String[][] versions = {{"1.0", "0.90"}, {"1.1", "0.92"}, {"2.0", "0.95"}};
        for (String[] v : versions) {
            Path a = Files.writeString(dir.resolve(v[0] + ".bin"), "model " + v[0]);
            assertThat(cli.run("register", "m", v[0], "--artifact", a.toString(), "--metric", "auc=" + v[1]).code())
                    .isZero();
        }
        assertThat(cli.run("target", "add", "m", "production", "--protected").out()).contains("added protected target");
        assertThat(cli.run("target", "add", "m", "staging").code()).isZero();
        ok("deploy", "m", "production", "1.0", "--reason", "launch");
        ok("deploy", "m", "production", "1.1", "--reason", "better");
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result r = cli.run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        return r;
    }

    /** Runs a command that must be refused with {@code code}, one line naming {@code why}, and change nothing. */
    private void refused(int code, String why, String... args) {
        String before = CatalogDump.of(cli.catalog());
        CliRun.Result r = cli.run(args);
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
        assertThat(r.err()).as(r.toString()).startsWith("rewind: ").contains(why);
        assertThat(r.err().strip().lines().count()).as(r.toString()).isEqualTo(1);
        assertThat(CatalogDump.of(cli.catalog())).as(String.join(" ", args)).isEqualTo(before);
    }

    @Test
    void aFailedVersionInAnyCaseDeploysOnlyWithTheOverrideWhichIsRecorded() throws Exception {
        ok("tag", "m", "2.0", "Failed", "--reason", "leaks labels");
        assertThat(ok("show", "m", "2.0", "--json").out()).contains("\"failed\"").doesNotContain("\"Failed\"");
        refused(1, "tagged failed", "deploy", "m", "staging", "2.0");
        JsonNode moved = JSON.readTree(ok("deploy", "m", "staging", "2.0", "--override", "--json").out());
        assertThat(moved.get("changed").asBoolean()).isTrue();
        ok("deploy", "m", "staging", "1.0");
        ok("deploy", "m", "staging", "2.0", "--force-failed");
        JsonNode history = JSON.readTree(ok("history", "m", "--target", "staging", "--json").out());
        assertThat(history.get(0).get("overrides").get(0).asText()).isEqualTo("failed_version");
        assertThat(history.get(1).get("overrides")).isEmpty();
        assertThat(ok("history", "m", "--target", "staging").out()).contains("1.0 → 2.0 · overrode: tagged failed");
    }

    @Test
    void aProtectedTargetRefusesMissingBlankAndMultiLineReasons() {
        refused(2, "production of m is protected", "deploy", "m", "production", "2.0");
        refused(2, "production of m is protected", "deploy", "m", "production", "2.0", "--reason", "   ");
        refused(2, "production of m is protected", "rollback", "m", "production");
        refused(2, "must be one line", "deploy", "m", "production", "2.0", "--reason", "ok\n2026-01-01 admin approved");
        refused(2, "must be one line", "deploy", "m", "staging", "2.0", "--reason", "carriage\rreturn");
        refused(2, "must be one line", "tag", "m", "2.0", "note", "--reason", "two\nlines");
        ok("deploy", "m", "staging", "2.0");
        ok("deploy", "m", "production", "2.0", "--reason", "tested in staging");
    }

    @Test
    void protectAndUnprotectAreRecordedWithTheirReason() throws Exception {
        refused(2, "reason is required", "target", "protect", "m", "staging");
        ok("target", "protect", "m", "staging", "--reason", "customers now");
        refused(1, "already protected", "target", "protect", "m", "staging", "--reason", "again");
        refused(2, "staging of m is protected", "deploy", "m", "staging", "1.0");
        refused(2, "reason is required", "target", "unprotect", "m", "staging", "--reason", "");
        ok("target", "unprotect", "m", "staging", "--reason", "back to testing");
        ok("deploy", "m", "staging", "1.0");
        JsonNode history = JSON.readTree(ok("history", "m", "--target", "staging", "--json").out());
        assertThat(history.get(1).get("kind").asText()).isEqualTo("unprotect");
        assertThat(history.get(1).get("reason").asText()).isEqualTo("back to testing");
        assertThat(history.get(2).get("kind").asText()).isEqualTo("protect");
        assertThat(history.get(2).get("reason").asText()).isEqualTo("customers now");
    }

    @Test
    void metricGuardsNeedTheOverrideAndSayByHowMuch() {
        ok("target", "guard", "m", "staging", "--min", "auc=0.93", "--max", "latency_ms=50");
        refused(1, "auc 0.92 is 0.01 below the minimum 0.93", "deploy", "m", "staging", "1.1");
        refused(1, "latency_ms is not recorded", "deploy", "m", "staging", "2.0");
        refused(2, "is not a number", "target", "guard", "m", "staging", "--min", "auc=high");
        refused(2, "is not KEY=VALUE", "target", "guard", "m", "staging", "--min", "auc");
        refused(2, "give --min", "target", "guard", "m", "staging");
        ok("deploy", "m", "staging", "2.0", "--override");
        assertThat(ok("history", "m", "--target", "staging").out()).contains("overrode: metric guard");
        assertThat(ok("history", "m", "--target", "staging").out()).contains("guards: auc ≥ 0.93, latency_ms ≤ 50");
        ok("target", "guard", "m", "staging", "--clear");
        ok("deploy", "m", "staging", "1.1");
    }

    @Test
    void deployingTheLiveVersionAgainSucceedsWithoutAnEvent() throws Exception {
        String before = CatalogDump.of(cli.catalog());
        CliRun.Result again = ok("deploy", "m", "production", "1.1", "--reason", "CI re-run");
        assertThat(again.out()).contains("production already serves 1.1");
        JsonNode json = JSON.readTree(ok("deploy", "m", "production", "1.1", "--reason", "CI", "--json").out());
        assertThat(json.get("changed").asBoolean()).isFalse();
        assertThat(CatalogDump.of(cli.catalog())).isEqualTo(before);
        JsonNode changed = JSON.readTree(ok("deploy", "m", "staging", "1.1", "--json").out());
        assertThat(changed.get("changed").asBoolean()).isTrue();
    }

    @Test
    void rollbackWithoutToGoesToTheLastStableVersion() throws Exception {
        ok("deploy", "m", "production", "2.0", "--reason", "best");
        ok("tag", "m", "1.0", "STABLE", "--reason", "a quarter without incident");
        JsonNode rb = JSON.readTree(ok("rollback", "m", "production", "--reason", "FPR up", "--json").out());
        assertThat(rb.get("to").asText()).as("1.1 was live before, but 1.0 is the stable one").isEqualTo("1.0");
    }

    @Test
    void removingFailedOrStableNeedsAReason() throws Exception {
        ok("tag", "m", "2.0", "failed", "--reason", "leaks");
        ok("tag", "m", "1.0", "stable", "--reason", "good");
        refused(2, "reason is required", "untag", "m", "2.0", "failed");
        refused(2, "reason is required", "untag", "m", "1.0", "Stable", "--reason", " ");
        ok("untag", "m", "2.0", "FAILED", "--reason", "false alarm");
        JsonNode history = JSON.readTree(ok("history", "m", "--json").out());
        assertThat(history.get(0).get("kind").asText()).isEqualTo("untag");
        assertThat(history.get(0).get("tag").asText()).isEqualTo("failed");
        assertThat(history.get(0).get("reason").asText()).isEqualTo("false alarm");
    }
}

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

class RetireCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    CliRun cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRun(dir.resolve("catalog.db"));
        String art = Files.writeString(dir.resolve("model.pkl"), "weights").toString();
        ok("init");
        ok("register", "fraud", "1.0", "--artifact", art);
        ok("register", "fraud", "1.1", "--artifact", art);
        ok("target", "add", "fraud", "production", "--protected");
        ok("target", "add", "fraud", "canary");
        ok("deploy", "fraud", "canary", "1.0");
        ok("deploy", "fraud", "canary", "1.1");
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result r = cli.run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        return r;
    }

    @Test
    void aRetiredTargetLeavesTheListsKeepsItsHistoryAndIsSigned() throws Exception {
        assertThat(ok("target", "retire", "fraud", "canary", "--reason", "experiment over").out())
                .isEqualTo("canary of fraud is retired: its history stays; it is listed by 'targets --all' only\n");
        assertThat(ok("targets", "fraud").out()).contains("production").doesNotContain("canary");
        assertThat(ok("targets").out()).doesNotContain("canary");
        assertThat(ok("targets", "--all").out()).contains("canary (retired)");
        JsonNode all = JSON.readTree(ok("targets", "fraud", "--all", "--json").out());
        assertThat(all.findValuesAsText("target")).containsExactly("production", "canary");
        assertThat(all.get(1).get("retired").asBoolean()).isTrue();
        assertThat(all.get(0).get("retired").asBoolean()).isFalse();
        assertThat(JSON.readTree(ok("models", "--json").out()).get(0).get("live").has("canary")).isFalse();

        JsonNode history = JSON.readTree(ok("history", "fraud", "--target", "canary", "--json").out());
        assertThat(history.findValuesAsText("kind")).containsExactly("retire", "deploy", "deploy", "target");
        assertThat(history.get(0).get("reason").asText()).isEqualTo("experiment over");
        assertThat(ok("history", "fraud", "--target", "canary").out()).contains("retired");
        assertThat(ok("path", "fraud:1.1").out()).isNotBlank();
        var verify = cli.run("verify");
        assertThat(verify.code()).as(verify.toString()).isZero();
    }

    @Test
    void retiringIsRefusedWhileProtectedWithoutAReasonOrTwiceAndChangesNothing() throws Exception {
        ok("target", "retire", "fraud", "canary", "--reason", "done");
        String before = CatalogDump.of(cli.catalog());
        Object[][] cases = {
            {1, "rewind: production of fraud is protected and cannot be retired; unprotect it first"
                    + " (rewind target unprotect fraud production --reason ...)",
                new String[] {"target", "retire", "fraud", "production", "--reason", "old"}},
            {2, "reason", new String[] {"target", "retire", "fraud", "production"}},
            {1, "rewind: target canary of fraud is retired: it takes no moves and no rule changes (its history stays:"
                    + " rewind history fraud --target canary)",
                new String[] {"target", "retire", "fraud", "canary", "--reason", "again"}},
            {1, "target canary of fraud is retired", new String[] {"deploy", "fraud", "canary", "1.0"}},
            {1, "target canary of fraud is retired", new String[] {"rollback", "fraud", "canary"}},
            {1, "target canary of fraud is retired",
                new String[] {"target", "protect", "fraud", "canary", "--reason", "x"}},
            {2, "rewind: model fraud has no target 'productoin' (did you mean 'production'?)",
                new String[] {"target", "retire", "fraud", "productoin", "--reason", "x"}},
            {2, "already has a target 'canary' (retired; its name stays with its history)",
                new String[] {"target", "add", "fraud", "canary"}},
        };
        for (Object[] c : cases) {
            var r = cli.run((String[]) c[2]);
            assertThat(r.code()).as(String.join(" ", (String[]) c[2]) + "\n" + r).isEqualTo(c[0]);
            assertThat(r.err()).as(r.toString()).startsWith("rewind: ").contains((String) c[1]);
            assertThat(r.err().lines().count()).isEqualTo(1);
            assertThat(CatalogDump.of(cli.catalog())).isEqualTo(before);
        }
        ok("target", "unprotect", "fraud", "production", "--reason", "moving to k8s");
        ok("target", "retire", "fraud", "production", "--reason", "moved to k8s");
        assertThat(ok("targets", "fraud").out().lines().count()).isEqualTo(1);
    }
}

package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI reports the read-back after a move, and runs a target's post-switch check. */
class ProofCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    CliRun cli;
    Path serving;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRun(dir.resolve("c.db"));
        cli.run("init");
        for (String v : new String[] {"1.0", "1.1"}) {
            Path a = Files.writeString(dir.resolve(v + ".bin"), "model " + v);
            assertThat(cli.run("register", "m", v, "--artifact", a.toString()).code()).isZero();
        }
        serving = dir.resolve("serve");
        assertThat(cli.run("target", "add", "m", "production", "--serving-dir", serving.toString()).code()).isZero();
        assertThat(cli.run("deploy", "m", "production", "1.0").code()).isZero();
    }

    private String sha12(String version) throws Exception {
        JsonNode versions = JSON.readTree(cli.run("versions", "m", "--json").out());
        for (JsonNode v : versions) {
            if (v.get("version").asText().equals(version)) {
                return v.get("artifactSha256").asText().substring(0, 12);
            }
        }
        throw new AssertionError("no version " + version + " in " + versions);
    }

    @Test
    void aMoveSaysItWasVerifiedInTextJsonAndHistory() throws Exception {
        var text = cli.run("deploy", "m", "production", "1.1");
        assertThat(text.code()).as(text.toString()).isZero();
        JsonNode history = JSON.readTree(cli.run("history", "m", "--json").out());
        long event = history.get(0).get("id").asLong();
        assertThat(text.out()).contains("verified: current → " + sha12("1.1") + ", DEPLOYED.json names event " + event);
        assertThat(history.get(0).get("verified").asBoolean()).isTrue();

        var json = cli.run("rollback", "m", "production", "--json");
        assertThat(json.code()).as(json.toString()).isZero();
        JsonNode move = JSON.readTree(json.out());
        assertThat(move.get("verified").asBoolean()).isTrue();
        assertThat(move.get("proof").asText()).contains(sha12("1.0"), "names event " + move.get("eventId").asLong());
        assertThat(move.has("check")).as("no check configured").isFalse();
        assertThat(cli.run("history", "m").out()).contains("PROOF", "verified");
    }

    @Test
    void aFailingCheckIsRecordedAndExitsOneWithOneLineNamingIt() throws Exception {
        var set = cli.run("target", "check", "m", "production", "--command",
                "echo \"$REWIND_MODEL/$REWIND_TARGET/$REWIND_VERSION\"; test -L \"$REWIND_SERVING_PATH\" && exit 3");
        assertThat(set.code()).as(set.toString()).isZero();

        var r = cli.run("deploy", "m", "production", "1.1", "--json");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .contains("check 'echo", "failed with exit 3", "m/production/1.1");
        JsonNode move = JSON.readTree(r.out());
        assertThat(move.get("verified").asBoolean()).as("the switch itself was read back fine").isTrue();
        assertThat(move.get("check").get("passed").asBoolean()).isFalse();
        assertThat(move.get("check").get("exitCode").asInt()).isEqualTo(3);
        assertThat(move.get("check").get("output").asText()).isEqualTo("m/production/1.1");

        JsonNode newest = JSON.readTree(cli.run("history", "m", "--json").out()).get(0);
        assertThat(newest.get("kind").asText()).isEqualTo("deploy");
        assertThat(newest.get("checkPassed").asBoolean()).isFalse();
        assertThat(newest.get("check").asText()).contains("failed with exit 3");
        assertThat(cli.run("targets", "m", "--json").out()).contains("\"1.1\"");
    }

    @Test
    void aPassingCheckFromTargetAddExitsZero() throws Exception {
        var add = cli.run("target", "add", "m", "staging", "--check", "test \"$REWIND_VERSION\" = 1.1");
        assertThat(add.code()).as(add.toString()).isZero();
        assertThat(add.out()).contains("post-switch check: test", "timeout 30 s");
        var r = cli.run("deploy", "m", "staging", "1.1");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("passed");
        var other = cli.run("deploy", "m", "staging", "1.0");
        assertThat(other.code()).as("the check sees the version: 1.0 is not 1.1").isEqualTo(1);
    }

    @Test
    void aCheckThatTimesOutFailsTheMoveAfterItsTimeout() {
        assertThat(cli.run("target", "check", "m", "production", "--command", "sleep 30", "--timeout", "1").code())
                .isZero();
        long start = System.nanoTime();
        var r = cli.run("deploy", "m", "production", "1.1");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("check 'sleep 30' timed out", "1 s");
        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(cli.run("history", "m").out()).contains("timed out");
    }

    @Test
    void aCheckCanBeRemovedAndBadTimeoutsAreRefused() {
        assertThat(cli.run("target", "check", "m", "production", "--command", "exit 1").code()).isZero();
        assertThat(cli.run("target", "check", "m", "production", "--clear").code()).isZero();
        assertThat(cli.run("deploy", "m", "production", "1.1").code()).isZero();
        assertThat(cli.run("target", "check", "m", "production", "--command", "true", "--timeout", "0").code())
                .isEqualTo(2);
        assertThat(cli.run("history", "m").out()).contains("post-switch check removed");
    }
}

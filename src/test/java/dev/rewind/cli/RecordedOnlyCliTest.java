package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A move of a target without a serving directory says it changed nothing outside Rewind; a real switch does not. */
class RecordedOnlyCliTest {
    @TempDir
    Path dir;

    @Test
    void aTargetWithoutServingDirectorySaysTheMoveWasRecordedOnly() throws Exception {
        CliRun cli = new CliRun(dir.resolve("c.db"));
        cli.run("init");
        for (String v : new String[] {"1.0", "2.0"}) {
            Path a = Files.writeString(dir.resolve(v + ".bin"), "model " + v);
            assertThat(cli.run("register", "m", v, "--artifact", a.toString()).code()).isZero();
        }
        assertThat(cli.run("target", "add", "m", "production", "--serving-dir", dir.resolve("serve").toString())
                .code()).isZero();
        assertThat(cli.run("target", "add", "m", "staging").code()).isZero();

        var staged = cli.run("deploy", "m", "staging", "2.0");
        assertThat(staged.code()).isZero();
        assertThat(staged.out()).contains("recorded only: nothing outside Rewind was changed");
        var rolled = cli.run("rollback", "m", "staging", "--to", "1.0", "--json");
        assertThat(new ObjectMapper().readTree(rolled.out()).get("recordedOnly").asBoolean()).isTrue();

        var live = cli.run("deploy", "m", "production", "2.0");
        assertThat(live.code()).isZero();
        assertThat(live.out()).contains("current switched").doesNotContain("recorded only");
        var same = cli.run("deploy", "m", "staging", "1.0");
        assertThat(same.out()).as("nothing moved at all").contains("nothing changed").doesNotContain("recorded only");
    }
}

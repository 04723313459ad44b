package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import dev.rewind.support.Tamper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tampering seen from the command line: verify exits 1 naming it, and moves are refused naming it. */
class TamperCliTest {
    @TempDir
    Path dir;

    @Test
    void aDeletedFailedTagFailsVerifyAndBlocksTheDeploy() throws Exception {
        CliRun cli = new CliRun(dir.resolve("c.db"));
        assertThat(cli.run("init").code()).isZero();
        for (String v : new String[] {"1.0", "1.1"}) {
            Path a = Files.writeString(dir.resolve(v + ".bin"), "model " + v);
            assertThat(cli.run("register", "m", v, "--artifact", a.toString()).code()).isZero();
        }
        assertThat(cli.run("target", "add", "m", "production").code()).isZero();
        assertThat(cli.run("deploy", "m", "production", "1.0").code()).isZero();
        assertThat(cli.run("tag", "m", "1.1", "failed", "--reason", "leaks PII").code()).isZero();
        var clean = cli.run("verify");
        assertThat(clean.code()).as(clean.toString()).isZero();
        assertThat(Files.readString(dir.resolve("c.db.head"))).contains("event=5");

        CatalogDump.exec(dir.resolve("c.db"), "DELETE FROM version_tags WHERE key = 'failed'");

        var deploy = cli.run("deploy", "m", "production", "1.1");
        assertThat(deploy.code()).as(deploy.toString()).isEqualTo(1);
        assertThat(deploy.err()).contains("fails verification").contains("version 1.1 lacks tag failed");
        var verify = cli.run("verify");
        assertThat(verify.code()).as(verify.toString()).isEqualTo(1);
        assertThat(verify.out()).contains("tags: version m 1.1 lacks tag failed, but its history (event 5)");
        assertThat(Tamper.one(dir.resolve("c.db"), "SELECT version_id FROM targets")).isEqualTo("1");
    }
}

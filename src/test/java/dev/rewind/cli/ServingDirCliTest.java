package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serving dirs that would make Rewind write where it must not are refused; a switch that fails after the commit says so. */
class ServingDirCliTest {
    @TempDir
    Path dir;
    CliRun cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRun(dir.resolve("cat").resolve("c.db"));
        Files.createDirectories(dir.resolve("cat"));
        cli.run("init");
        for (String v : new String[] {"1.0", "2.0"}) {
            Path a = Files.writeString(dir.resolve(v + ".bin"), "model " + v);
            assertThat(cli.run("register", "m", v, "--artifact", a.toString()).code()).isZero();
        }
    }

    private void refusedUnchanged(String why, String... args) {
        String before = CatalogDump.of(cli.catalog());
        CliRun.Result r = cli.run(args);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().strip()).as("one line naming the problem").doesNotContain("\n").contains(why);
        assertThat(CatalogDump.of(cli.catalog())).as("catalog unchanged").isEqualTo(before);
    }

    @Test
    void foldersThatCannotServeAreRefusedAndNothingIsRecorded() throws Exception {
        refusedUnchanged("serving dir is empty", "target", "add", "m", "p", "--serving-dir", "");
        refusedUnchanged("serving dir is empty", "target", "add", "m", "p", "--serving-dir", "  ");
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        refusedUnchanged("is a symbolic link", "target", "add", "m", "p", "--serving-dir", link.toString());
        refusedUnchanged("overlaps the artifact store", "target", "add", "m", "p", "--serving-dir",
                dir.resolve("cat").resolve("artifacts").resolve("x").toString());
        refusedUnchanged("catalog's own folder", "target", "add", "m", "p", "--serving-dir", dir.resolve("cat").toString());

        Path serve = Files.createDirectories(dir.resolve("srv")).resolve("serve");
        assertThat(cli.run("target", "add", "m", "production", "--serving-dir", serve.toString()).code()).isZero();
        refusedUnchanged("already serves another target", "target", "add", "m", "staging", "--serving-dir", serve.toString());
        refusedUnchanged("overlaps another target", "target", "add", "m", "staging", "--serving-dir",
                serve.resolve("inner").toString());
        refusedUnchanged("overlaps another target", "target", "add", "m", "staging", "--serving-dir", dir.resolve("srv").toString());
    }

    @Test
    void aSwitchThatFailsAfterTheCommitSaysTheMoveIsRecordedAndPendingAndRepairFinishesIt() throws Exception {
        Path serve = dir.resolve("serve");
        assertThat(cli.run("target", "add", "m", "production", "--serving-dir", serve.toString()).code()).isZero();
        Files.createDirectories(serve);
        Files.writeString(serve.resolve("current"), "a file someone left here");

        CliRun.Result r = cli.run("deploy", "m", "production", "1.0", "--reason", "launch");
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err().strip()).doesNotContain("\n").contains("the move is recorded")
                .contains("production of m moved").contains("the switch is pending").contains("rewind verify --repair");
        assertThat(cli.run("targets", "m").out()).contains("1.0");

        Files.delete(serve.resolve("current"));
        assertThat(cli.run("verify", "--repair").code()).isZero();
        assertThat(serve.resolve("current")).hasContent("model 1.0");
    }

    @Test
    void aPlantedLockLinkIsNotFollowed() throws Exception {
        Path serve = dir.resolve("serve");
        assertThat(cli.run("target", "add", "m", "production", "--serving-dir", serve.toString()).code()).isZero();
        Files.createDirectories(serve);
        Path victim = dir.resolve("victim-file");
        Files.createSymbolicLink(serve.resolve(".rewind-lock"), victim);

        String before = CatalogDump.of(cli.catalog());
        CliRun.Result r = cli.run("deploy", "m", "production", "1.0", "--reason", "launch");
        // the serving dir is locked before the commit, so the planted link stops the move itself
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("nothing changed");
        assertThat(CatalogDump.of(cli.catalog())).isEqualTo(before);
        assertThat(victim).as("the link's target is never created").doesNotExist();
        assertThat(serve.resolve("current")).doesNotExist();
    }

    @Test
    void aServingDirReplacedByALinkLaterIsNotWrittenThrough() throws Exception {
        Path serve = dir.resolve("serve");
        assertThat(cli.run("target", "add", "m", "production", "--serving-dir", serve.toString()).code()).isZero();
        assertThat(cli.run("deploy", "m", "production", "1.0", "--reason", "launch").code()).isZero();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path moved = dir.resolve("serve-old");
        Files.move(serve, moved);
        Files.createSymbolicLink(serve, elsewhere);

        String before = CatalogDump.of(cli.catalog());
        CliRun.Result r = cli.run("deploy", "m", "production", "2.0", "--reason", "next");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("has become a symbolic link").contains("nothing changed");
        assertThat(CatalogDump.of(cli.catalog())).isEqualTo(before);
        try (var files = Files.list(elsewhere)) {
            assertThat(files).as("nothing written through the link").isEmpty();
        }
        CliRun.Result verify = cli.run("verify");
        assertThat(verify.code()).isEqualTo(1);
        assertThat(verify.out() + verify.err()).contains("has become a symbolic link");
    }
}

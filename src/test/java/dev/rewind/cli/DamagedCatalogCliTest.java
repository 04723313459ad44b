package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.RewindException;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged catalogs are refused with exit 3 and never re-created; read commands leave no trace and need no write access. */
class DamagedCatalogCliTest {
    private static final String[][] READ_COMMANDS = {
        {"models"}, {"versions", "m"}, {"show", "m", "1.0"}, {"history", "m"}, {"targets"}, {"compare", "m", "1.0", "1.1"},
        {"metric", "directions"}, {"verify"},
    };

    @TempDir
    Path dir;

    private CliRun catalogWithHistory() throws IOException {
        CliRun cli = new CliRun(dir.resolve("catalog.db"));
        assertThat(cli.run("init").code()).isZero();
        Path art = Files.writeString(dir.resolve("m.bin"), "weights");
        assertThat(cli.run("register", "m", "1.0", "--artifact", art.toString(), "--metric", "auc=0.9").code()).isZero();
        assertThat(cli.run("register", "m", "1.1", "--artifact", art.toString()).code()).isZero();
        assertThat(cli.run("target", "add", "m", "production").code()).isZero();
        assertThat(cli.run("deploy", "m", "production", "1.0").code()).isZero();
        return cli;
    }

    private List<String> sideFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-wal") || n.endsWith("-shm")).toList();
        }
    }

    @Test
    void anEmptyFileIsRefusedAndNeverRecreated() throws IOException {
        Path db = Files.createFile(dir.resolve("catalog.db"));
        CliRun cli = new CliRun(db);
        for (String[] cmd : new String[][] {{"models"}, {"init"}, {"verify"}, {"demo"}}) {
            CliRun.Result r = cli.run(cmd);
            assertThat(r.code()).as(String.join(" ", cmd)).isEqualTo(3);
            assertThat(r.err()).contains("empty file (0 bytes)");
        }
        assertThat(Files.size(db)).isZero();
        assertThat(sideFiles()).isEmpty();
        Files.writeString(db, "no header here at all, only text");
        assertThat(cli.run("models").code()).isEqualTo(3);
    }

    @Test
    void schemaAndUserVersionDamageIsExitThree() throws Exception {
        CliRun cli = catalogWithHistory();
        CatalogDump.exec(cli.catalog(), "PRAGMA user_version = 1");
        CliRun.Result r = cli.run("models");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(cli.run("deploy", "m", "production", "1.1").code()).isEqualTo(3);
        CatalogDump.exec(cli.catalog(), "PRAGMA user_version = 0");
        assertThat(cli.run("models").err()).contains("schema version (0) is damaged");
        CatalogDump.exec(cli.catalog(), "PRAGMA user_version = 2", "DROP TABLE version_provenance");
        r = cli.run("versions", "m");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("version_provenance");
    }

    @Test
    void verifyReportsEveryProblemAfterABadRow() throws Exception {
        CliRun cli = catalogWithHistory();
        CatalogDump.exec(cli.catalog(), "DROP TRIGGER events_no_update",
                "PRAGMA ignore_check_constraints = ON", "UPDATE events SET kind = 'bogus' WHERE id = 2");
        Path stored = dir.resolve("artifacts");
        try (Stream<Path> s = Files.list(stored)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        CliRun.Result r = cli.run("verify");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("unknown kind 'bogus'").contains("events_no_update was removed")
                .contains("is missing");
    }

    @Test
    void readCommandsLeaveNoSideFilesEvenWhenTheyFail() throws Exception {
        CliRun cli = catalogWithHistory();
        assertThat(sideFiles()).isEmpty();
        for (String[] cmd : READ_COMMANDS) {
            CliRun.Result r = cli.run(cmd);
            assertThat(r.code()).as(r.toString()).isIn(0, 1);
            assertThat(sideFiles()).as(String.join(" ", cmd)).isEmpty();
        }
        assertThat(cli.run("show", "m", "9.9").code()).isNotZero();
        assertThat(sideFiles()).isEmpty();
        Path foreign = dir.resolve("foreign.db");
        CatalogDump.exec(foreign, "PRAGMA journal_mode=WAL", "CREATE TABLE notes (t TEXT)");
        assertThat(new CliRun(foreign).run("models").code()).isEqualTo(3);
        assertThat(sideFiles()).isEmpty();
    }

    @Test
    void aUserWhoCannotWriteCanRunEveryReadCommand() throws Exception {
        CliRun cli = catalogWithHistory();
        boolean locked = chattr("+i", cli.catalog()) && chattr("+i", dir);
        try {
            Assumptions.assumeTrue(locked && !Files.isWritable(dir),
                    "cannot make the folder unwritable here (chattr +i refused); read-only run not tested");
            for (String[] cmd : READ_COMMANDS) {
                CliRun.Result r = cli.run(cmd);
                assertThat(r.code()).as(r.toString()).isZero();
            }
            assertThat(cli.run("versions", "m").out()).contains("1.0").contains("1.1");
            CliRun.Result write = cli.run("deploy", "m", "production", "1.1");
            assertThat(write.code()).as(write.toString()).isEqualTo(3);
        } finally {
            chattr("-i", dir);
            chattr("-i", cli.catalog());
        }
        assertThat(sideFiles()).isEmpty();
    }

    @Test
    void theHeaderCheckIsNotFooledByAConcurrentWriter() throws Exception {
        CliRun cli = catalogWithHistory();
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> writerFailures = new ArrayList<>();
        Thread writer = new Thread(() -> {
            try (var catalog = SqliteCatalog.open(cli.catalog(), false)) {
                var services = new dev.rewind.service.Services(catalog, new dev.rewind.domain.Actor("w", "h"),
                        java.time.Clock.systemUTC());
                for (int i = 0; !stop.get(); i++) {
                    services.registry().tag("m", "1.0", "k" + (i % 50), "v" + i, null);
                }
            } catch (RuntimeException e) {
                writerFailures.add(e);
            }
        });
        writer.start();
        int opens = 0;
        try {
            long until = System.currentTimeMillis() + 4000;
            while (System.currentTimeMillis() < until) {
                try (var c = SqliteCatalog.openReadOnly(cli.catalog())) {
                    c.read(tx -> tx.events().count());
                } catch (RewindException e) {
                    assertThat(e.getMessage()).doesNotContain("truncated").doesNotContain("damaged");
                }
                opens++;
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(writerFailures).isEmpty();
        System.out.println("concurrent header checks: " + opens + " opens while another connection wrote");
        assertThat(opens).isPositive();
    }

    private static boolean chattr(String flag, Path p) {
        try {
            return new ProcessBuilder("chattr", flag, p.toString()).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

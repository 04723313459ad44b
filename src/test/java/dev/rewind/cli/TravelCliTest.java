package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.support.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalog that travels: copied without its artifacts, or kept where this user cannot write. */
class TravelCliTest {
    private static final String[][] READS = {
        {"models"}, {"versions", "m"}, {"show", "m", "1.0"}, {"history", "m"}, {"targets"}, {"targets", "m"},
        {"compare", "m", "1.0", "1.1"}, {"verify"},
    };

    @TempDir
    Path dir;

    private CliRun catalog(Path folder) throws IOException {
        CliRun cli = new CliRun(Files.createDirectories(folder).resolve("catalog.db"));
        assertThat(cli.run("init").code()).isZero();
        Path art = Files.writeString(dir.resolve("m.bin"), "weights");
        Path art2 = Files.writeString(dir.resolve("m2.bin"), "other weights");
        assertThat(cli.run("register", "m", "1.0", "--artifact", art.toString()).code()).isZero();
        assertThat(cli.run("register", "m", "1.1", "--artifact", art2.toString()).code()).isZero();
        assertThat(cli.run("register", "m", "1.2", "--artifact", art2.toString()).code()).isZero();
        assertThat(cli.run("target", "add", "m", "production").code()).isZero();
        assertThat(cli.run("deploy", "m", "production", "1.0").code()).isZero();
        assertThat(cli.run("deploy", "m", "production", "1.1").code()).isZero();
        return cli;
    }

    private String[][] writes() {
        String art = dir.resolve("m.bin").toString();
        return new String[][] {
            {"deploy", "m", "production", "1.2"}, {"rollback", "m", "production"}, {"tag", "m", "1.0", "k=v"},
            {"register", "m", "2.0", "--artifact", art}, {"target", "add", "m", "staging"}, {"init"}, {"demo"},
        };
    }

    @Test
    void verifyNamesAMissingArtifactStoreInOneLine() throws Exception {
        CliRun home = catalog(dir.resolve("home"));
        Path alone = Files.createDirectories(dir.resolve("elsewhere")).resolve("catalog.db");
        Files.copy(home.catalog(), alone);
        CliRun.Result r = new CliRun(alone).run("verify");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        List<String> store = r.out().lines().filter(l -> l.contains("artifact")).toList();
        assertThat(store).as(r.toString()).hasSize(1);
        assertThat(store.get(0)).contains(dir.resolve("elsewhere").resolve("artifacts").toString())
                .contains("is missing").contains("2 artifacts");
        assertThat(new CliRun(alone).run("versions", "m").code()).as("the rest still reads").isZero();
    }

    @Test
    void aReadOnlyFolderServesEveryReadAndRefusesEveryWriteInOneLine() throws Exception {
        CliRun cli = catalog(dir.resolve("home"));
        byte[] before = Files.readAllBytes(cli.catalog());
        lock(cli.catalog(), cli.catalog().getParent(), () -> {
            assertReadsWorkAndWritesAreRefused(cli);
        });
        assertThat(Files.readAllBytes(cli.catalog())).as("nothing written").isEqualTo(before);
        assertThat(sideFiles(cli.catalog().getParent())).isEmpty();
    }

    @Test
    void aReadOnlyFileInAWritableFolderServesReadsAndRefusesWritesLeavingNothing() throws Exception {
        CliRun cli = catalog(dir.resolve("home"));
        lock(cli.catalog(), null, () -> assertReadsWorkAndWritesAreRefused(cli));
        assertThat(sideFiles(cli.catalog().getParent())).isEmpty();
        assertThat(cli.run("tag", "m", "1.0", "k=v").code()).as("writable again").isZero();
    }

    private void assertReadsWorkAndWritesAreRefused(CliRun cli) {
        for (String[] read : READS) {
            CliRun.Result r = cli.run(read);
            assertThat(r.code()).as(r.toString()).isZero();
        }
        for (String[] write : writes()) {
            CliRun.Result r = cli.run(write);
            assertThat(r.code()).as(r.toString()).isEqualTo(3);
            assertThat(r.err()).as(String.join(" ", write))
                    .isEqualTo("rewind: catalog is read-only: " + cli.catalog().toAbsolutePath() + System.lineSeparator());
        }
    }

    interface Body {
        void run() throws Exception;
    }

    /** chattr +i: the only way to take write access from root, whom file modes do not stop. */
    private static void lock(Path file, Path folder, Body body) throws Exception {
        boolean locked = chattr("+i", file) && (folder == null || chattr("+i", folder));
        try {
            Assumptions.assumeTrue(locked && !Files.isWritable(file),
                    "cannot make the catalog unwritable here (chattr +i refused); read-only run not tested");
            body.run();
        } finally {
            if (folder != null) {
                chattr("-i", folder);
            }
            chattr("-i", file);
        }
    }

    private static List<String> sideFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-wal") || n.endsWith("-shm")).toList();
        }
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

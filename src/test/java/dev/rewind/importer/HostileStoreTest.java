package dev.rewind.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;
import dev.rewind.importer.mlflow.MlflowReader;
import dev.rewind.service.ImportService;
import dev.rewind.support.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importers stay inside the store: links out, special files, oversized files and broken entries are refused. */
class HostileStoreTest {
    @TempDir
    Path dir;

    private int catalogs;

    private ImportService.Report importInto(Path source) throws IOException {
        try (Fixture f = new Fixture(Files.createDirectories(dir.resolve("cat" + ++catalogs)))) {
            return f.services.importer().importMlflow(source, null, MlflowReader.Progress.NONE);
        }
    }

    private Path mlruns() throws IOException {
        return MlflowFixtures.mlruns(Files.createDirectories(dir.resolve("src")));
    }

    private static Path run1(Path root) {
        return root.resolve("0").resolve(MlflowFixtures.RUN1);
    }

    @Test
    void aSymbolicLinkLeavingTheStoreIsRefusedNamingTheFile() throws IOException {
        Path root = mlruns();
        Path secret = Files.writeString(dir.resolve("passwd"), "root:x:0:0");
        Files.createSymbolicLink(run1(root).resolve("params/leak"), secret);
        assertThatThrownBy(() -> importInto(root)).isInstanceOf(RewindException.class)
                .hasMessageContaining("params/leak").hasMessageContaining("outside the store")
                .hasMessageNotContaining("root:x");
    }

    @Test
    void aSymbolicLinkInsideTheStoreIsFollowed() throws IOException {
        Path root = mlruns();
        Files.createSymbolicLink(run1(root).resolve("params/alias"), run1(root).resolve("params/lr"));
        assertThat(importInto(root).versionsAdded()).isEqualTo(2);
    }

    @Test
    void aSymbolicLinkLoopIsCalledOne() throws IOException {
        Path root = mlruns();
        Path a = run1(root).resolve("params/a");
        Files.createSymbolicLink(a, run1(root).resolve("params/b"));
        Files.createSymbolicLink(run1(root).resolve("params/b"), a);
        assertThatThrownBy(() -> importInto(root)).hasMessageContaining("symbolic link loop");
    }

    @Test
    void aFifoInsideTheStoreIsRefusedAtOnce() throws Exception {
        Path root = mlruns();
        Path fifo = run1(root).resolve("metrics/stuck");
        Assumptions.assumeTrue(mkfifo(fifo), "mkfifo is not available");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> importInto(root))
                .hasMessageContaining("metrics/stuck").hasMessageContaining("not a regular file"));
    }

    @Test
    void aFileOverTheCapIsRefusedWithTheLimit() throws IOException {
        Path root = mlruns();
        Files.writeString(run1(root).resolve("params/big"), "x".repeat(5000));
        System.setProperty("rewind.import.maxFileBytes", "4096");
        try {
            assertThatThrownBy(() -> importInto(root)).hasMessageContaining("params/big")
                    .hasMessageContaining("over the import limit of 4096 bytes");
        } finally {
            System.clearProperty("rewind.import.maxFileBytes");
        }
    }

    @Test
    void sourcesOutsideTheStoreAreRecordedUnverifiedNeverHashed() throws Exception {
        Path root = mlruns();
        Files.writeString(dir.resolve("passwd"), "root:x:0:0");
        Path model = root.resolve("models/churn");
        String depth = "../".repeat(root.getNameCount() + 2);
        replaceInYaml(model.resolve("version-1/meta.yaml"), "source: mlruns/0/" + MlflowFixtures.RUN1 + "/artifacts/model",
                "source: mlruns/" + depth + dir.resolve("passwd").toString().substring(1));
        replaceInYaml(model.resolve("version-2/meta.yaml"), "source: mlruns/0/" + MlflowFixtures.RUN2 + "/artifacts/model",
                "source: " + dir.resolve("passwd").toUri());
        try (Fixture f = new Fixture(Files.createDirectories(dir.resolve("cat")))) {
            f.services.importer().importMlflow(root, null, MlflowReader.Progress.NONE);
            for (Version v : f.services.registry().versions("churn")) {
                assertThat(v.artifact().sha256()).as(v.label() + " is not hashed").isNull();
                assertThat(v.artifact().uri()).contains("passwd");
                Map<String, String> prov = f.catalog.read(tx -> tx.versions().provenance(v.id()));
                assertThat(prov.get("mlflow.artifact")).startsWith("unverified");
            }
        }
    }

    @Test
    void aSourceInsideTheStoreIsHashed() throws Exception {
        Path root = mlruns();
        Files.createDirectories(run1(root).resolve("artifacts/model"));
        Files.writeString(run1(root).resolve("artifacts/model/weights.bin"), "w");
        try (Fixture f = new Fixture(Files.createDirectories(dir.resolve("cat")))) {
            f.services.importer().importMlflow(root, null, MlflowReader.Progress.NONE);
            Version v1 = f.services.registry().versions("churn").get(0);
            assertThat(v1.artifact().sha256()).hasSize(64);
        }
    }

    @Test
    void storageLocationsOfDevZeroOrAFifoDoNotHang() throws Exception {
        Path db = MlflowFixtures.db(Files.createDirectories(dir.resolve("src")), MlflowFixtures.Generation.STORAGE_LOCATION);
        Path fifo = dir.resolve("src/pipe");
        boolean haveFifo = mkfifo(fifo);
        sql(db, "UPDATE model_versions SET storage_location = 'file:///dev/zero' WHERE version = 1",
                "UPDATE model_versions SET storage_location = '" + (haveFifo ? fifo.toUri() : "/dev/zero")
                        + "' WHERE version = 2");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Fixture f = new Fixture(Files.createDirectories(dir.resolve("cat")))) {
                f.services.importer().importMlflow(db, null, MlflowReader.Progress.NONE);
                for (Version v : f.services.registry().versions(MlflowFixtures.MODEL).subList(0, 2)) {
                    assertThat(v.artifact().sha256()).as(v.label()).isNull();
                }
            }
        });
    }

    @Test
    void aWalStoreInUseIsLeftByteIdentical() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("src"));
        Path db = MlflowFixtures.db(folder, MlflowFixtures.Generation.ALIASES);
        sql(db, "PRAGMA journal_mode=WAL");
        try (Connection held = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = held.createStatement()) {
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.executeUpdate("UPDATE registered_models SET description = 'in the wal'");
            assertThat(Files.size(folder.resolve(db.getFileName() + "-wal"))).as("the WAL holds a commit").isPositive();
            Map<String, byte[]> before = snapshot(folder);
            try (Fixture f = new Fixture(Files.createDirectories(dir.resolve("cat")))) {
                f.services.importer().importMlflow(db, null, MlflowReader.Progress.NONE);
                assertThat(f.services.registry().versions(MlflowFixtures.MODEL)).hasSize(3);
            }
            assertThat(snapshot(folder)).usingRecursiveComparison().isEqualTo(before);
        }
    }

    @Test
    void aClosedWalStoreGetsNoSideFiles() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("src"));
        Path db = MlflowFixtures.db(folder, MlflowFixtures.Generation.WORKSPACES);
        sql(db, "PRAGMA journal_mode=WAL");
        Map<String, byte[]> before = snapshot(folder);
        assertThat(before.keySet()).containsExactly(db.getFileName().toString());
        importInto(db);
        assertThat(snapshot(folder)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void aVersionThatIsNotANumberIsRefusedNotReadAsZero() throws Exception {
        Path db = MlflowFixtures.db(Files.createDirectories(dir.resolve("src")), MlflowFixtures.Generation.ALIASES);
        sql(db, "UPDATE model_versions SET version = 'abc' WHERE version = 1",
                "INSERT INTO model_versions(name, version, current_stage, run_id) VALUES ('" + MlflowFixtures.MODEL
                        + "', 2, 'None', '" + MlflowFixtures.RUN2 + "')");
        assertThatThrownBy(() -> importInto(db)).hasMessageContaining("version 'abc'")
                .hasMessageContaining("version 2 of '" + MlflowFixtures.MODEL + "' twice")
                .hasMessageContaining("2 broken entries");
    }

    @Test
    void everyBrokenFolderIsNamedAndTheStoreRefusedWhole() throws IOException {
        Path root = mlruns();
        Path model = root.resolve("models/churn");
        Files.delete(model.resolve("version-1/meta.yaml"));
        Files.createDirectories(model.resolve("version-1/meta.yaml"));
        Files.createDirectories(model.resolve("version-7"));
        Files.copy(model.resolve("version-2/meta.yaml"), model.resolve("version-7/meta.yaml"));
        assertThatThrownBy(() -> importInto(root))
                .hasMessageContaining("version-1/meta.yaml is a folder, not a regular file")
                .hasMessageContaining("version-7 claims version 2, which models/churn/version-2 also claims")
                .hasMessageContaining("2 broken entries");
    }

    @Test
    void refusalsSayWhatTheFileIs() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        assertThatThrownBy(() -> importInto(empty)).hasMessageContaining("empty file");
        Path text = Files.writeString(dir.resolve("notes.db"), "just some text, long enough to be read");
        assertThatThrownBy(() -> importInto(text)).hasMessageContaining("not a SQLite database");
        Path loop = dir.resolve("loop.db");
        Files.createSymbolicLink(loop, dir.resolve("loop2.db"));
        Files.createSymbolicLink(dir.resolve("loop2.db"), loop);
        assertThatThrownBy(() -> importInto(loop)).hasMessageContaining("symbolic link loop")
                .hasMessageNotContaining("does not exist");
    }

    static boolean mkfifo(Path p) {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sql(Path db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    private static void replaceInYaml(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    static Map<String, byte[]> snapshot(Path folder) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) {
                if (Files.isRegularFile(p)) {
                    out.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
        }
        return out;
    }
}

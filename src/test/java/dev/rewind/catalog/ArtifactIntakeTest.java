package dev.rewind.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Artifact;
import dev.rewind.support.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What may enter the artifact store, what a killed copy leaves, how types are told apart, who may read. */
class ArtifactIntakeTest {
    @TempDir
    Path dir;

    private List<String> storeEntries(ArtifactStore store) throws IOException {
        if (!Files.isDirectory(store.root())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(store.root())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void devicesAndFifosAreRefusedAtOnce() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
        Path fifo = dir.resolve("pipe");
        boolean haveFifo = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThatThrownBy(() -> store.store(Path.of("/dev/zero"))).hasMessageContaining("device, FIFO or socket");
            if (haveFifo) {
                assertThatThrownBy(() -> store.store(fifo)).hasMessageContaining("device, FIFO or socket");
            }
        });
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("a.bin"), "a");
        Assumptions.assumeTrue(haveFifo, "mkfifo is not available");
        Files.move(fifo, tree.resolve("pipe"));
        assertThatThrownBy(() -> store.store(tree)).hasMessageContaining("pipe").hasMessageContaining("FIFO");
        assertThat(storeEntries(store)).isEmpty();
    }

    @Test
    void registerOfDevZeroExitsTwoImmediately() {
        CliRun cli = new CliRun(dir.resolve("catalog.db"));
        cli.run("init");
        CliRun.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> cli.run("register", "m", "1", "--artifact", "/dev/zero"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("/dev/zero is a device, FIFO or socket");
    }

    @Test
    void artifactsOverTheLimitAreRefusedAndLeaveNothing() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"), 10);
        Path big = Files.writeString(dir.resolve("big.bin"), "12345678901");
        assertThatThrownBy(() -> store.store(big)).hasMessageContaining("11 bytes, over the limit of 10 bytes")
                .hasMessageContaining("REWIND_MAX_ARTIFACT_BYTES");
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("a"), "123456");
        Files.writeString(tree.resolve("b"), "123456");
        assertThatThrownBy(() -> store.store(tree)).hasMessageContaining("over the limit");
        assertThat(storeEntries(store)).isEmpty();
        assertThat(store.store(Files.writeString(dir.resolve("small.bin"), "ok")).size()).isEqualTo(2);
    }

    @Test
    void aSourceThatNeverEndsStopsAtTheLimit() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }
        };
        assertThatThrownBy(() -> ArtifactLimits.copyBounded(endless, new ByteArrayOutputStream(), 1 << 20,
                Path.of("/dev/zero"))).hasMessageContaining("grew over the limit");
    }

    @Test
    void moreThanTheFreeSpaceIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("artifacts"));
        assertThatThrownBy(() -> ArtifactLimits.requireRoom(dir.resolve("x"), Long.MAX_VALUE / 2, Long.MAX_VALUE,
                dir.resolve("artifacts"))).hasMessageContaining("not enough free space");
    }

    @Test
    void theLimitIsConfigurable() {
        System.setProperty(ArtifactLimits.PROPERTY, "12345");
        try {
            assertThat(ArtifactLimits.maxBytes()).isEqualTo(12345);
            System.setProperty(ArtifactLimits.PROPERTY, "lots");
            assertThatThrownBy(ArtifactLimits::maxBytes).hasMessageContaining("not a positive number of bytes");
        } finally {
            System.clearProperty(ArtifactLimits.PROPERTY);
        }
        assertThat(ArtifactLimits.maxBytes()).isEqualTo(64L << 30);
    }

    @Test
    void abandonedCopiesAreRemovedOnOpenButLiveOnesKept() throws Exception {
        Path db = dir.resolve("catalog.db");
        SqliteCatalog.open(db, true).close();
        Path root = dir.resolve("artifacts");
        Files.createDirectories(root);
        Files.writeString(root.resolve(".incoming-111.tmp"), "half a model");
        Files.writeString(root.resolve(".incoming-222.lock"), "");
        Files.createDirectories(root.resolve(".incoming-222.d/sub"));
        Files.writeString(root.resolve(".incoming-222.d/sub/w"), "w");
        Files.createDirectories(root.resolve(".incoming-333"));
        Files.setPosixFilePermissions(root.resolve(".incoming-333"), PosixFilePermissions.fromString("r-xr-xr-x"));
        try (Incoming.File live = Incoming.file(root)) {
            SqliteCatalog.open(db, false).close();
            assertThat(storeEntries(new ArtifactStore(root))).containsExactly(live.path().getFileName().toString());
        }
        assertThat(storeEntries(new ArtifactStore(root))).isEmpty();
    }

    @Test
    void anEmptyFolderAndAnEmptyFileHaveDifferentChecksums() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
        Artifact file = store.store(Files.createFile(dir.resolve("empty.bin")));
        Artifact folder = store.store(Files.createDirectories(dir.resolve("empty-dir")));
        assertThat(folder.sha256()).isNotEqualTo(file.sha256());
        assertThat(store.problemWith(file)).isNull();
        assertThat(store.problemWith(folder)).isNull();
    }

    @Test
    void aFolderStoredBeforeTheManifestHeaderStillVerifies() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
        String fileSha = sha("weights");
        String legacy = sha("w.bin\0" + 7 + "\0" + fileSha + "\n");
        Path stored = Files.createDirectories(store.root().resolve(legacy));
        Files.writeString(stored.resolve("w.bin"), "weights");
        assertThat(store.problemWith(Artifact.stored(legacy, 7))).isNull();
        Files.writeString(stored.resolve("w.bin"), "tampered");
        assertThat(store.problemWith(Artifact.stored(legacy, 7))).contains("was altered");
    }

    @Test
    void storedCopiesAreReadableByOthersAndWritableByNoOne() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
        Artifact f = store.store(Files.writeString(dir.resolve("m.bin"), "m"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.pathOf(f.sha256()))))
                .isEqualTo("r--r--r--");
        Path tree = Files.createDirectories(dir.resolve("tree/sub"));
        Files.writeString(tree.resolve("w.bin"), "w");
        Artifact t = store.store(dir.resolve("tree"));
        Path stored = store.pathOf(t.sha256());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored))).isEqualTo("r-xr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored.resolve("sub"))))
                .isEqualTo("r-xr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored.resolve("sub/w.bin"))))
                .isEqualTo("r--r--r--");
        assertThat(storeEntries(store)).containsExactlyInAnyOrder(f.sha256(), t.sha256());
    }

    private static String sha(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}

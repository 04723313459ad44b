package dev.rewind.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.domain.Artifact;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {
    @TempDir
    Path dir;

    @Test
    void storesFileByChecksumReadOnlyAndOnce() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
        Path a = Files.writeString(dir.resolve("a.bin"), "hello");
        Path b = Files.writeString(dir.resolve("b.bin"), "hello");
        Artifact first = store.store(a);
        Artifact second = store.store(b);
        assertThat(first.sha256()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(first.size()).isEqualTo(5);
        assertThat(second).isEqualTo(first);
        Path stored = store.pathOf(first.sha256());
        assertThat(stored).hasContent("hello");
        assertThat(Files.getPosixFilePermissions(stored)).as("stored copy is read-only")
                .doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        try (var files = Files.list(store.root())) {
            assertThat(files.count()).isEqualTo(1);
        }
        assertThat(store.problemWith(first)).isNull();
    }

    @Test
    void directoryChecksumIsDeterministicAndIndependentOfCopyOrder() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
        Path d1 = Files.createDirectories(dir.resolve("m1/sub"));
        Files.writeString(d1.resolve("w.bin"), "weights");
        Files.writeString(dir.resolve("m1/config.json"), "{}");
        Path d2 = Files.createDirectories(dir.resolve("m2"));
        Files.writeString(d2.resolve("config.json"), "{}");
        Files.createDirectories(d2.resolve("sub"));
        Files.writeString(d2.resolve("sub/w.bin"), "weights");
        Artifact x = store.store(dir.resolve("m1"));
        Artifact y = store.store(d2);
        assertThat(y.sha256()).isEqualTo(x.sha256());
        assertThat(x.size()).isEqualTo(9);
        assertThat(store.pathOf(x.sha256()).resolve("sub/w.bin")).hasContent("weights");
        assertThat(store.problemWith(x)).isNull();
    }

    @Test
    void reportsMissingAndAlteredArtifacts() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
        Artifact a = store.store(Files.writeString(dir.resolve("a.bin"), "v1"));
        Path p = store.pathOf(a.sha256());
        p.toFile().setWritable(true);
        Files.writeString(p, "tampered");
        assertThat(store.problemWith(a)).contains("was altered");
        Files.delete(p);
        assertThat(store.problemWith(a)).contains("is missing");
    }

    @Test
    void refusesMissingFilesAndSymlinks() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
        assertThatThrownBy(() -> store.store(dir.resolve("nope.bin"))).hasMessageContaining("does not exist");
        Path target = Files.writeString(dir.resolve("real.bin"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link.bin"), target);
        assertThatThrownBy(() -> store.store(link)).hasMessageContaining("symbolic link");
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path escape = Files.createSymbolicLink(tree.resolve("escape"), Path.of("/etc/passwd"));
        assertThatThrownBy(() -> store.store(tree)).hasMessageContaining("symbolic link");
        // gone before JUnit cleans up, which would print a warning about a link leaving its temp dir
        Files.delete(escape);
    }

    @Test
    void aHashIsRememberedByFileIdentityAndForgottenWhenTheFileChanges() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("store"));
        Artifact a = store.store(Files.writeString(dir.resolve("w.bin"), "weights"));
        assertThat(store.unchangedSinceHashed(a)).as("not hashed by this store yet").isFalse();
        assertThat(store.problemWith(a)).isNull();
        assertThat(store.unchangedSinceHashed(a)).isTrue();
        assertThat(store.quickProblem(a)).isNull();

        Path p = store.pathOf(a.sha256());
        p.toFile().setWritable(true);
        Files.writeString(p, "WEIGHTS");
        assertThat(store.unchangedSinceHashed(a)).as("same size, new mtime").isFalse();
        assertThat(store.quickProblem(a)).as("the cheap check cannot see a same-size edit").isNull();
        Files.writeString(p, "weights, altered");
        assertThat(store.quickProblem(a)).contains("was altered", "16 bytes, expected 7");
        assertThat(store.problemWith(a)).contains("was altered");
    }
}

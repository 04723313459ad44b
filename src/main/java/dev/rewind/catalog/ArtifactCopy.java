package dev.rewind.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies stored artifacts from one store to another as they are, byte for byte, under the same checksum: a copied
 * catalog must show the same bytes, altered ones included, so its {@code verify} says what the original's would.
 * Written aside and renamed into place, read-only for everyone, as the store itself writes.
 */
public final class ArtifactCopy {
    private ArtifactCopy() {
    }

    /** What happened to one artifact. */
    public enum Outcome { COPIED, ALREADY_THERE, NOT_IN_SOURCE }

    public static Outcome copy(ArtifactStore from, ArtifactStore to, String sha256) throws IOException {
        Path source = from.pathOf(sha256);
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(source)) {
            return Outcome.NOT_IN_SOURCE;
        }
        Path target = to.pathOf(sha256);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return Outcome.ALREADY_THERE;
        }
        Files.createDirectories(to.root());
        if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            try (Incoming.Tree tmp = Incoming.tree(to.root())) {
                for (Path f : regularFiles(source)) {
                    Path dest = tmp.path().resolve(source.relativize(f).toString());
                    Files.createDirectories(dest.getParent());
                    Files.copy(f, dest, LinkOption.NOFOLLOW_LINKS);
                    ArtifactStore.fsync(dest);
                }
                ArtifactLimits.shareReadOnlyTree(tmp.path());
                ArtifactStore.moveAtomically(tmp.path(), target);
            }
        } else {
            try (Incoming.File tmp = Incoming.file(to.root())) {
                try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS);
                     OutputStream out = tmp.output()) {
                    in.transferTo(out);
                }
                ArtifactStore.fsync(tmp.path());
                ArtifactLimits.shareReadOnly(tmp.path());
                ArtifactStore.moveAtomically(tmp.path(), target);
            }
        }
        return Outcome.COPIED;
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }
}

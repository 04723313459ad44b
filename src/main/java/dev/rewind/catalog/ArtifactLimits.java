package dev.rewind.catalog;

import dev.rewind.domain.RewindException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** What may enter the artifact store: only regular files and folders, within a size limit and the free space. */
final class ArtifactLimits {
    static final String ENV = "REWIND_MAX_ARTIFACT_BYTES";
    static final String PROPERTY = "rewind.maxArtifactBytes";
    static final long DEFAULT_MAX = 64L << 30;
    /** Room left beside an artifact, so the catalog itself can still grow after it is stored. */
    private static final long HEADROOM = 16L << 20;

    private ArtifactLimits() {
    }

    /** The limit from {@code -Drewind.maxArtifactBytes}, else {@code $REWIND_MAX_ARTIFACT_BYTES}, else 64 GiB. */
    static long maxBytes() {
        String v = System.getProperty(PROPERTY, System.getenv(ENV));
        if (v == null || v.isBlank()) {
            return DEFAULT_MAX;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below with the variable's name
        }
        throw RewindException.badInput(ENV + " is '" + v + "', not a positive number of bytes");
    }

    /** The source's attributes, refusing at once what is not a regular file or folder. */
    static BasicFileAttributes kind(Path source) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw RewindException.badInput("artifact file " + source + " does not exist");
        } catch (IOException e) {
            throw RewindException.badInput("artifact file " + source + " cannot be read: " + e.getMessage());
        }
        if (a.isSymbolicLink()) {
            throw RewindException.badInput("artifact " + source + " is a symbolic link; give the file it points to");
        }
        if (!a.isRegularFile() && !a.isDirectory()) {
            throw RewindException.badInput("artifact " + source + " is a device, FIFO or socket; only regular files"
                    + " and folders can be registered");
        }
        return a;
    }

    static void requireRoom(Path source, long size, long max, Path root) throws IOException {
        if (size > max) {
            throw tooBig(source, size, max);
        }
        long free = Files.getFileStore(root).getUsableSpace();
        if (free < size + HEADROOM) {
            throw RewindException.refused("not enough free space in " + root + " to store artifact " + source + ": "
                    + size + " bytes needed, " + free + " available");
        }
    }

    /** Copies at most {@code limit} bytes; a source that keeps growing (or never ends) is refused at the limit. */
    static long copyBounded(InputStream in, OutputStream out, long limit, Path source) throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > limit) {
                throw RewindException.badInput("artifact " + source + " grew over the limit while it was copied ("
                        + limit + " bytes; raise it with " + ENV + ")");
            }
            out.write(buf, 0, n);
        }
        return total;
    }

    private static RewindException tooBig(Path source, long size, long max) {
        return RewindException.badInput("artifact " + source + " is " + size + " bytes, over the limit of " + max
                + " bytes (raise it with " + ENV + ")");
    }

    /** 0444: a model server running as another user must be able to read what a serving dir points to. */
    static void shareReadOnly(Path file) throws IOException {
        if (!chmod(file, "r--r--r--")) {
            file.toFile().setReadOnly();
        }
    }

    /** Files 0444, folders 0555, deepest first so every folder is still writable while its content changes. */
    static void shareReadOnlyTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    chmod(p, "r-xr-xr-x");
                } else {
                    shareReadOnly(p);
                }
            }
        }
    }

    private static boolean chmod(Path p, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}

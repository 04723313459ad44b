package dev.rewind.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Copies, fingerprints and deletes store trees without ever following a link or opening a FIFO. */
final class StoreTree {
    private StoreTree() {
    }

    /** Copies files and folders (the samples are read-only; the copies must be writable to be mutated). */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(dest);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    try (InputStream in = Files.newInputStream(p)) {
                        Files.copy(in, dest);
                    }
                }
            }
        }
    }

    /** Every entry under {@code root} with its kind and content: a regular file's SHA-256, a link's target. */
    static Map<String, String> fingerprint(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String what;
                if (a.isSymbolicLink()) {
                    what = "link -> " + Files.readSymbolicLink(p);
                } else if (a.isRegularFile()) {
                    what = "file " + sha256(Files.readAllBytes(p));
                } else {
                    what = a.isDirectory() ? "folder" : "special";
                }
                out.put(root.relativize(p).toString(), what + " mtime " + a.lastModifiedTime().toMillis());
            }
        }
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a tree (links themselves, never their targets), making read-only folders writable first. */
    static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                p.toFile().setWritable(true);
            }
            Files.deleteIfExists(p);
        }
    }
}

package dev.rewind.importer.mlflow;

import dev.rewind.domain.RewindException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * The only way the file-store reader touches the disk: every path is checked to stay inside the store's root
 * (a symbolic link is followed only when its target is inside too), only regular files are read, and each read
 * is bounded, so a planted link to {@code /etc/passwd}, a FIFO or {@code /dev/zero} is refused instead of read.
 */
final class StoreFiles {
    /** Overridable for huge metric files: {@code -Drewind.import.maxFileBytes=…}. */
    static final String MAX_FILE_PROPERTY = "rewind.import.maxFileBytes";
    private static final long DEFAULT_MAX_FILE_BYTES = 256L << 20;

    private final Path root;
    private final Path realRoot;
    private final long maxFileBytes;

    StoreFiles(Path root) {
        this.root = root;
        this.realRoot = realPath(root);
        this.maxFileBytes = Long.getLong(MAX_FILE_PROPERTY, DEFAULT_MAX_FILE_BYTES);
    }

    Path root() {
        return root;
    }

    /** What {@code p} is once links are followed, or null when it does not exist; refuses what leaves the store. */
    BasicFileAttributes kind(Path p) {
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw bad(p, "cannot be read: " + e.getMessage());
        }
        if (!own.isSymbolicLink()) {
            return own;
        }
        Path target = realPath(p);
        if (!target.startsWith(realRoot)) {
            throw bad(p, "is a symbolic link to " + target + ", outside the store; refusing to follow it");
        }
        try {
            return Files.readAttributes(target, BasicFileAttributes.class);
        } catch (IOException e) {
            throw bad(p, "cannot be read: " + e.getMessage());
        }
    }

    boolean isDirectory(Path p) {
        BasicFileAttributes a = kind(p);
        return a != null && a.isDirectory();
    }

    boolean exists(Path p) {
        return kind(p) != null;
    }

    /** A file's text, refused when it is not a regular file inside the store or larger than the cap. */
    String read(Path f) {
        checkReadable(f);
        try (InputStream in = Files.newInputStream(f)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
            if (bytes.length > maxFileBytes) {
                throw bad(f, "grew over the import limit of " + maxFileBytes + " bytes while it was read");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw bad(f, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * A file's lines, one at a time (a metric file can be large), under the same checks as {@link #read}; the
     * consumer gets each line and its number.
     */
    void lines(Path f, LineConsumer each) {
        checkReadable(f);
        long chars = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(f), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                chars += line.length() + 1;
                if (chars > maxFileBytes + 1) {
                    throw bad(f, "grew over the import limit of " + maxFileBytes + " bytes while it was read");
                }
                each.line(line, ++n);
            }
        } catch (IOException e) {
            throw bad(f, "cannot be read: " + e.getMessage());
        }
    }

    @FunctionalInterface
    interface LineConsumer {
        void line(String line, int number);
    }

    private void checkReadable(Path f) {
        BasicFileAttributes a = kind(f);
        if (a == null) {
            throw bad(f, "does not exist");
        }
        if (!a.isRegularFile()) {
            throw bad(f, "is " + describe(a) + ", not a regular file");
        }
        if (a.size() > maxFileBytes) {
            throw bad(f, "is " + a.size() + " bytes, over the import limit of " + maxFileBytes + " bytes per file"
                    + " (raise it with -D" + MAX_FILE_PROPERTY + ")");
        }
    }

    /** The entries of a folder inside the store, sorted; empty when it does not exist. */
    List<Path> list(Path dir) {
        if (!isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw bad(dir, "cannot be listed: " + e.getMessage());
        }
    }

    /** A store-relative path for messages. */
    String rel(Path p) {
        String r = root.relativize(p).toString();
        return r.isEmpty() ? "." : r;
    }

    RewindException bad(Path file, String problem) {
        return RewindException.badInput("cannot import " + root + ": " + rel(file) + " " + problem);
    }

    static String describe(BasicFileAttributes a) {
        if (a.isDirectory()) {
            return "a folder";
        }
        if (a.isOther()) {
            return "a device, FIFO or socket";
        }
        return a.isSymbolicLink() ? "a symbolic link" : "a file";
    }

    Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (FileSystemLoopException e) {
            throw bad(p, "is a symbolic link loop");
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("levels of symbolic links")) {
                throw bad(p, "is a symbolic link loop");
            }
            if (Files.isSymbolicLink(p)) {
                try {
                    Path t = Files.readSymbolicLink(p);
                    throw bad(p, "is a symbolic link to " + t + ", which does not exist or loops");
                } catch (IOException ignored) {
                    throw bad(p, "is a broken symbolic link");
                }
            }
            throw bad(p, "cannot be read: " + e.getMessage());
        }
    }
}

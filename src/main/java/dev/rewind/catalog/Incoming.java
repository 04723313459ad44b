package dev.rewind.catalog;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies in progress inside the artifact store ({@code .incoming-*}). Each holds an OS lock while it is being
 * written, so the next open can tell a copy a killed process left (lockable: deleted) from one a live process
 * is still writing (locked: kept).
 */
final class Incoming {
    private static final System.Logger LOG = System.getLogger(Incoming.class.getName());
    private static final String PREFIX = ".incoming-";

    private Incoming() {
    }

    /** A temporary file, locked until closed; closing deletes it unless it was moved away. */
    static File file(Path root) throws IOException {
        Path p = Files.createTempFile(root, PREFIX, ".tmp");
        FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE);
        return new File(p, ch, ch.lock());
    }

    /** A temporary folder {@code .incoming-N.d}, guarded by a locked {@code .incoming-N.lock}. */
    static Tree tree(Path root) throws IOException {
        Path lockFile = Files.createTempFile(root, PREFIX, ".lock");
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = ch.lock();
        String name = lockFile.getFileName().toString();
        Path dir = Files.createDirectory(root.resolve(name.substring(0, name.length() - ".lock".length()) + ".d"));
        return new Tree(dir, lockFile, ch, lock);
    }

    record File(Path path, FileChannel channel, FileLock lock) implements AutoCloseable {
        /** Writes to the locked channel; closing the stream leaves the channel (and its lock) open. */
        OutputStream output() {
            return new FilterOutputStream(Channels.newOutputStream(channel)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }

        @Override
        public void close() throws IOException {
            channel.close();
            Files.deleteIfExists(path);
        }
    }

    record Tree(Path path, Path lockFile, FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                deleteTree(path);
            } finally {
                channel.close();
                Files.deleteIfExists(lockFile);
            }
        }
    }

    static void removeAbandoned(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(root)) {
            entries = s.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list " + root + " for abandoned copies", e);
            return;
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            try {
                if (name.endsWith(".tmp") || name.endsWith(".lock")) {
                    removeIfUnlocked(p, name.endsWith(".lock")
                            ? p.resolveSibling(name.substring(0, name.length() - ".lock".length()) + ".d") : null);
                } else if (Files.isDirectory(p) && !(name.endsWith(".d") && Files.exists(lockOf(p)))) {
                    deleteTree(p); // a folder whose lock file is gone, or one from before locks were kept
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot remove the abandoned copy " + p, e);
            }
        }
    }

    private static Path lockOf(Path dir) {
        String name = dir.getFileName().toString();
        return dir.resolveSibling(name.substring(0, name.length() - ".d".length()) + ".lock");
    }

    private static void removeIfUnlocked(Path file, Path guardedDir) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return; // another process is still copying
            }
            if (guardedDir != null) {
                deleteTree(guardedDir);
            }
            Files.deleteIfExists(file);
        } catch (OverlappingFileLockException e) {
            // this process is copying it right now
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(dir)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            if (Files.isDirectory(p)) {
                p.toFile().setWritable(true, true); // a stored-looking 0555 folder: its entries must be removable
            }
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}

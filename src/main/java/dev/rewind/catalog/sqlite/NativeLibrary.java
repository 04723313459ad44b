package dev.rewind.catalog.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library, extracted once into a per-user cache instead of once per process into the
 * temp dir: by default every start writes a new copy there, a killed process never deletes its copy, and
 * simultaneous starts race to delete each other's and print a stack trace. Must run before the driver loads;
 * a user who set {@code org.sqlite.lib.path} or {@code org.sqlite.tmpdir} keeps their choice.
 */
public final class NativeLibrary {
    private static final System.Logger LOG = System.getLogger(NativeLibrary.class.getName());

    private NativeLibrary() {
    }

    /** Points the driver at the cached library (extracting it first if needed); returns its folder, if used. */
    public static Optional<Path> useCache(Path cacheRoot) {
        if (System.getProperty("org.sqlite.lib.path") != null || System.getProperty("org.sqlite.tmpdir") != null) {
            return Optional.empty();
        }
        try {
            String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
            URL url = NativeLibrary.class.getResource(resource);
            if (url == null) {
                return Optional.empty(); // no bundled library for this platform: the driver decides
            }
            // the folder is named after the library's size and CRC-32, as the jar records them: a start that finds
            // it extracted reads no byte of it (hashing the 1 MB each start cost 50-100 ms before the window opened)
            Fingerprint print = Fingerprint.of(url);
            Path dir = Files.createDirectories(cacheRoot.resolve(print.folderName()));
            Path lib = dir.resolve(LibraryLoaderUtil.getNativeLibName());
            if (!Files.isRegularFile(lib) || Files.size(lib) != print.size()) {
                byte[] bytes;
                try (InputStream in = url.openStream()) {
                    bytes = in.readAllBytes();
                }
                if (bytes.length != print.size() || Fingerprint.crc(bytes) != print.crc()) {
                    throw new IOException("the bundled " + resource + " is not the one its jar entry describes");
                }
                Path tmp = Files.createTempFile(dir, ".extract-", ".tmp");
                try {
                    Files.write(tmp, bytes);
                    move(tmp, lib);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            // the driver also sweeps org.sqlite.tmpdir for old copies: our folder has none to race over
            System.setProperty("org.sqlite.tmpdir", cacheRoot.toString());
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", lib.getFileName().toString());
            return Optional.of(dir);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "the SQLite native library cache is not usable; the driver extracts"
                    + " its own copy", e);
            return Optional.empty();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A library's size and CRC-32: from its jar entry when it is in a jar (no read), else from its bytes. */
    private record Fingerprint(long size, long crc) {
        static Fingerprint of(URL url) throws IOException {
            if (url.openConnection() instanceof JarURLConnection jar) {
                JarEntry entry = jar.getJarEntry();
                if (entry.getSize() >= 0 && entry.getCrc() >= 0) {
                    return new Fingerprint(entry.getSize(), entry.getCrc());
                }
            }
            try (InputStream in = url.openStream()) {
                byte[] bytes = in.readAllBytes();
                return new Fingerprint(bytes.length, crc(bytes));
            }
        }

        static long crc(byte[] bytes) {
            CRC32 c = new CRC32();
            c.update(bytes);
            return c.getValue();
        }

        String folderName() {
            return Long.toHexString(size) + "-" + String.format("%08x", crc);
        }
    }
}

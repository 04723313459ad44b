package dev.rewind.catalog.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
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
            byte[] bytes;
            try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return Optional.empty(); // no bundled library for this platform: the driver decides
                }
                bytes = in.readAllBytes();
            }
            Path dir = Files.createDirectories(cacheRoot.resolve(HexFormat.of().formatHex(sha256(bytes)).substring(0, 16)));
            Path lib = dir.resolve(LibraryLoaderUtil.getNativeLibName());
            if (!Files.isRegularFile(lib) || Files.size(lib) != bytes.length) {
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

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

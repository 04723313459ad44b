package dev.rewind.importer.mlflow;

import dev.rewind.domain.RewindException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * An {@code mlflow.db} looked at and opened without changing a byte of its folder. SQLite's read-only mode
 * still creates {@code -wal}/{@code -shm} beside a WAL-mode database, so a file without a live WAL is opened
 * {@code immutable=1} (no locks, no side files), and one with a live WAL is read from a private snapshot of the
 * database and its WAL, taken into a temporary folder that is deleted afterwards.
 */
final class MlflowDbFile {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final System.Logger LOG = System.getLogger(MlflowDbFile.class.getName());

    private MlflowDbFile() {
    }

    /** Refuses, saying what the file is, anything that is not a SQLite database file. */
    static void check(Path db) {
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(db, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw refuse(db, "it does not exist");
        }
        if (own.isSymbolicLink() && !Files.exists(db)) {
            throw refuse(db, loops(db) ? "it is a symbolic link loop" : "it is a broken symbolic link");
        }
        if (!Files.isRegularFile(db)) {
            throw refuse(db, "it is " + (Files.isDirectory(db) ? "a folder" : "a device, FIFO or socket")
                    + ", not an mlflow.db file");
        }
        byte[] header;
        try (InputStream in = Files.newInputStream(db)) {
            header = in.readNBytes(MAGIC.length);
        } catch (IOException e) {
            throw refuse(db, "it cannot be read: " + e.getMessage());
        }
        if (header.length == 0) {
            throw refuse(db, "it is an empty file (0 bytes), not an MLflow store");
        }
        if (!Arrays.equals(header, MAGIC)) {
            throw refuse(db, "it is not a SQLite database (no SQLite header), so not an MLflow store");
        }
    }

    static Opened open(Path db) {
        Path snapshot = null;
        try {
            Path wal = db.resolveSibling(db.getFileName() + "-wal");
            Path opened = db;
            boolean immutable = true;
            if (Files.isRegularFile(wal) && Files.size(wal) > 0) {
                snapshot = Files.createTempDirectory("rewind-mlflow-");
                opened = snapshot.resolve("mlflow.db");
                Files.copy(db, opened);
                Files.copy(wal, snapshot.resolve("mlflow.db-wal"));
                immutable = false; // the copy is ours: SQLite may apply its WAL there
            }
            return new Opened(connect(opened, immutable), snapshot);
        } catch (IOException | SQLException e) {
            delete(snapshot);
            throw refuse(db, "it cannot be opened: " + firstLine(e));
        }
    }

    private static Connection connect(Path file, boolean immutable) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(immutable);
        cfg.setOpenMode(immutable ? SQLiteOpenMode.READONLY : SQLiteOpenMode.READWRITE);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath()
                + (immutable ? "?mode=ro&immutable=1" : ""));
        return ds.getConnection();
    }

    /** An open connection and the private snapshot it reads, if any; closing deletes the snapshot. */
    record Opened(Connection connection, Path snapshot) implements AutoCloseable {
        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing an mlflow.db connection failed", e);
            }
            delete(snapshot);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete the private snapshot " + dir, e);
        }
    }

    private static boolean loops(Path p) {
        try {
            p.toRealPath();
            return false;
        } catch (IOException e) {
            return String.valueOf(e.getMessage()).contains("levels of symbolic links");
        }
    }

    private static RewindException refuse(Path db, String what) {
        return RewindException.badInput("cannot import " + db + ": " + what);
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}

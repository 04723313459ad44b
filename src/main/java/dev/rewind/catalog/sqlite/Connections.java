package dev.rewind.catalog.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Builds configured connections. */
final class Connections {
    private static final System.Logger LOG = System.getLogger(Connections.class.getName());
    static final int BUSY_TIMEOUT_MS = 30_000;

    private Connections() {
    }

    /**
     * Connections stay in auto-commit mode and {@link Transactions} issues BEGIN IMMEDIATE / BEGIN / COMMIT
     * itself: the driver's own non-auto-commit mode re-opens a transaction right after each commit, which
     * would hold the write lock between operations and starve other processes.
     */
    static Connection open(Path file) throws SQLException {
        return connect(file, base());
    }

    /**
     * A connection that only reads and leaves no {@code -wal}/{@code -shm} behind. SQLite's read-only mode
     * creates both beside a WAL database and, being read-only, cannot remove them on close; so where the folder
     * is writable a normal connection is opened with {@code query_only} (the last connection to close removes
     * them), and where it is not, {@code mode=ro} is used ({@code immutable=1} when no writer has a WAL open,
     * since none can be created there).
     */
    static Connection readOnly(Path file) throws SQLException {
        Path dir = file.toAbsolutePath().getParent();
        Path journal = file.resolveSibling(file.getFileName() + "-journal");
        if (dir != null && Files.isWritable(dir) && Files.isWritable(file) && !Files.exists(journal)) {
            SQLiteConfig cfg = new SQLiteConfig();
            cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
            Connection c = connect(file, cfg);
            try (var st = c.createStatement()) {
                st.execute("PRAGMA query_only = 1");
            } catch (SQLException e) {
                closeQuietly(c);
                throw e;
            }
            return c;
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        boolean liveWal = Files.exists(file.resolveSibling(file.getFileName() + "-wal"));
        ds.setUrl("jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath() + "?mode=ro"
                + (liveWal ? "" : "&immutable=1"));
        return ds.getConnection();
    }

    private static SQLiteConfig base() {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power loss, and a rollback that
        // was reported done must still be there after the machine comes back (rule 6).
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
        return cfg;
    }

    private static Connection connect(Path file, SQLiteConfig cfg) throws SQLException {
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + file);
        return ds.getConnection();
    }

    /**
     * Copies committed pages from the WAL into the main file, so that {@code catalog.db} copied alone (or left
     * behind by a killed process) holds every change. PASSIVE waits for no one: pages a reader still needs
     * stay in the WAL until the next write or close. A failure costs nothing committed, so it is only logged.
     */
    static void checkpoint(Connection c, Path file) {
        try {
            if (c.isClosed()) {
                return; // closing twice is allowed
            }
        } catch (SQLException e) {
            return;
        }
        try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            if (rs.next() && rs.getInt(1) != 0) {
                LOG.log(System.Logger.Level.DEBUG, "checkpoint of " + file + " was blocked");
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "could not checkpoint " + file, e);
        }
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing is best effort; nothing is pending on a connection we give up
            }
        }
    }
}

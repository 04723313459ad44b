package dev.rewind.catalog.sqlite;

import dev.rewind.domain.RewindException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Looks at an existing file before Rewind opens it for writing, so that a foreign, damaged or newer file is
 * refused without a single byte of it changing: the header is read directly, the rest through a read-only
 * connection.
 */
final class CatalogFileCheck {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private CatalogFileCheck() {
    }

    static void check(Path file) {
        if (!Files.isRegularFile(file)) {
            throw RewindException.unreadable("cannot open catalog " + file + ": it is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw RewindException.unreadable("cannot open catalog " + file + ": permission denied");
        }
        RewindException problem = null;
        // another process may be checkpointing while the header and the length are read: a problem counts only
        // when it is seen on every attempt, so a moment between two writes is never taken for damage
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            problem = headerProblem(file);
            if (problem == null) {
                break;
            }
            pause(attempt);
        }
        if (problem != null) {
            throw problem;
        }
        probe(file);
    }

    private static final int ATTEMPTS = 5;

    private static RewindException headerProblem(Path file) {
        long length;
        byte[] header = new byte[100];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
            length = Files.size(file);
        } catch (IOException e) {
            return RewindException.unreadable("cannot read catalog " + file + ": " + e.getMessage());
        }
        if (length == 0) {
            // never re-created: an empty file where a catalog should be is a lost catalog, not a fresh one
            return RewindException.unreadable("cannot open catalog " + file + ": it is an empty file (0 bytes), not a"
                    + " Rewind catalog; it was left as it is (restore it from a backup, or remove it to start anew)");
        }
        if (read < MAGIC.length || !startsWithMagic(header)) {
            return RewindException.unreadable("cannot open catalog " + file
                    + ": it is not a SQLite database (not a Rewind catalog)");
        }
        if (read < header.length) {
            return RewindException.unreadable("cannot open catalog " + file + ": the file is truncated ("
                    + length + " bytes)");
        }
        if (!hasWalContent(file)) {
            // with a non-empty WAL the file may legitimately be shorter (a checkpoint in progress in another
            // process, or interrupted by a crash and finished on the next open): SQLite itself judges that case
            return lengthProblem(file, header, length);
        }
        return null;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean hasWalContent(Path file) {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            return Files.exists(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean startsWithMagic(byte[] header) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (header[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static RewindException lengthProblem(Path file, byte[] header, long length) {
        ByteBuffer b = ByteBuffer.wrap(header);
        int pageSize = b.getShort(16) & 0xffff;
        if (pageSize == 1) {
            pageSize = 65536;
        }
        long changeCounter = b.getInt(24) & 0xffffffffL;
        long pages = b.getInt(28) & 0xffffffffL;
        long validFor = b.getInt(92) & 0xffffffffL;
        // the in-header page count is trustworthy only when it was written with the current change counter
        if (pages > 0 && validFor == changeCounter && length < pages * pageSize) {
            return RewindException.unreadable("cannot open catalog " + file + ": the file is truncated ("
                    + length + " of " + pages * pageSize + " bytes)");
        }
        return null;
    }

    private static void probe(Path file) {
        try (Connection c = Connections.readOnly(file); Statement st = c.createStatement()) {
            int appId = single(st, "PRAGMA application_id");
            int userVersion = single(st, "PRAGMA user_version");
            int tables = single(st, "SELECT count(*) FROM sqlite_master");
            if (appId != Migrations.APPLICATION_ID && (tables > 0 || userVersion != 0)) {
                throw RewindException.unreadable("cannot open catalog " + file
                        + ": it is a SQLite database but not a Rewind catalog");
            }
            if (userVersion < 0 || (userVersion == 0 && tables > 0)) {
                throw RewindException.unreadable("cannot open catalog " + file + ": its schema version ("
                        + userVersion + ") is damaged; restore it from a backup");
            }
            if (userVersion > Migrations.CURRENT) {
                throw RewindException.unreadable("cannot open catalog " + file + ": it was written by a newer Rewind"
                        + " (catalog schema " + userVersion + ", this Rewind reads up to " + Migrations.CURRENT
                        + "); upgrade Rewind to open it");
            }
            if (tables > 0) {
                single(st, "SELECT count(*) FROM events");
                for (String table : Migrations.tablesUpTo(userVersion)) {
                    // touches real pages: damage shows here, and a missing table is named
                    single(st, "SELECT count(*) FROM (SELECT 1 FROM \"" + table + "\" LIMIT 1)");
                }
            }
        } catch (SQLException e) {
            throw Errors.opening(file, e);
        }
    }

    private static int single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}

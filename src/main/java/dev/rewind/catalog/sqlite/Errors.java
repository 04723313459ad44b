package dev.rewind.catalog.sqlite;

import dev.rewind.domain.ReadOnlyCatalogException;
import dev.rewind.domain.RewindException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite failures into one-line messages that name the operation and the file. */
final class Errors {
    private Errors() {
    }

    static RewindException opening(Path file, SQLException e) {
        SQLiteErrorCode code = code(e);
        if (code == SQLiteErrorCode.SQLITE_NOTADB) {
            return RewindException.unreadable("cannot open catalog " + file + ": it is not a SQLite database");
        }
        if (code == SQLiteErrorCode.SQLITE_CORRUPT) {
            return RewindException.unreadable("cannot open catalog " + file + ": the file is damaged ("
                    + firstLine(e) + ")");
        }
        if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
            return wrap("open the catalog", file, e);
        }
        // anything else while opening (a missing table, a malformed schema) means the file cannot serve as a catalog
        return new RewindException(RewindException.CATALOG_UNREADABLE, "cannot open catalog " + file
                + ": its schema is damaged (" + firstLine(e) + ")", e);
    }

    static RewindException wrap(String operation, Path file, SQLException e) {
        SQLiteErrorCode code = code(e);
        if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
            return RewindException.refused("could not " + operation + " " + file + ": another process kept it busy for "
                    + Connections.BUSY_TIMEOUT_MS / 1000 + " s; try again");
        }
        if (code == SQLiteErrorCode.SQLITE_CORRUPT || code == SQLiteErrorCode.SQLITE_NOTADB) {
            return RewindException.unreadable("could not " + operation + " " + file + ": the file is damaged ("
                    + firstLine(e) + ")");
        }
        if (code == SQLiteErrorCode.SQLITE_READONLY) {
            return new ReadOnlyCatalogException(file.toString(), e);
        }
        if (code == SQLiteErrorCode.SQLITE_CANTOPEN
                || code == SQLiteErrorCode.SQLITE_PERM) {
            return RewindException.unreadable("could not " + operation + " " + file + ": " + firstLine(e));
        }
        return new RewindException(RewindException.REFUSED, "could not " + operation + " " + file + ": "
                + firstLine(e), e);
    }

    private static SQLiteErrorCode code(SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode c = se.getResultCode();
            // extended codes (SQLITE_BUSY_SNAPSHOT…) fold onto their primary code
            int primary = c.code & 0xff;
            for (SQLiteErrorCode candidate : SQLiteErrorCode.values()) {
                if (candidate.code == primary) {
                    return candidate;
                }
            }
            return c;
        }
        return SQLiteErrorCode.UNKNOWN_ERROR;
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}

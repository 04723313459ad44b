package dev.rewind.catalog.sqlite;

import dev.rewind.catalog.Catalog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs work in one transaction: commit on success, roll back on any failure. */
final class Transactions {
    private Transactions() {
    }

    /** Writers take the write lock when the transaction begins, so two processes never deadlock upgrading. */
    static final String BEGIN_WRITE = "BEGIN IMMEDIATE";
    static final String BEGIN_READ = "BEGIN DEFERRED";

    static <T> T run(Connection c, String begin, Catalog.Work<T> work, String operation, Path file) {
        return run(c, begin, new SqlTx(c, (actor, hash) -> {
            throw new IllegalStateException("a read transaction cannot append events");
        }), work, operation, file);
    }

    static <T> T run(Connection c, String begin, SqlTx tx, Catalog.Work<T> work, String operation, Path file) {
        try {
            exec(c, begin);
        } catch (SQLException e) {
            throw Errors.wrap(operation, file, e);
        }
        try {
            T result;
            try (tx) {
                result = work.run(tx);
                tx.beforeCommit();
            }
            exec(c, "COMMIT");
            return result;
        } catch (SqlFailure e) {
            rollback(c);
            throw Errors.wrap(e.operation(), file, e.getCause());
        } catch (SQLException e) {
            rollback(c);
            throw Errors.wrap(operation, file, e);
        } catch (RuntimeException | Error e) {
            rollback(c);
            throw e;
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private static void rollback(Connection c) {
        try {
            exec(c, "ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite may have ended the transaction itself; the original failure is what the user needs to see
        }
    }
}

package dev.rewind.catalog.postgres;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.EventSigner;
import dev.rewind.catalog.sqlite.SqlFailure;
import dev.rewind.catalog.sqlite.SqlTx;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/** Runs work in one PostgreSQL transaction: commit on success, roll back on any failure, retry a conflict. */
final class PgTransactions {
    private static final System.Logger LOG = System.getLogger(PgTransactions.class.getName());
    static final EventSigner NO_SIGNING = (actor, hash) -> {
        throw new IllegalStateException("a read transaction cannot append events");
    };

    /** What a write returned, and the newest event it appended (null for none). */
    record Done<T>(T result, EventRecord lastAppended) {
    }

    private PgTransactions() {
    }

    /** One consistent snapshot for the whole read. */
    static <T> T read(Connection c, SqlTx tx, Catalog.Work<T> work, PgAddress address) {
        try {
            exec(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        } catch (SQLException e) {
            throw PgErrors.wrap("read the catalog", address, e);
        }
        return finish(c, tx, work, "read the catalog", address);
    }

    /**
     * Serialised with every other Rewind writer by a transaction-scoped advisory lock; a serialization failure or
     * deadlock (possible with writers going around Rewind) rolls back and runs the work again, a few times at most.
     */
    static <T> Done<T> write(Connection c, Supplier<SqlTx> txs, Catalog.Work<T> work, PgAddress address) {
        for (int attempt = 1; ; attempt++) {
            SqlTx tx = txs.get();
            try {
                exec(c, "BEGIN");
                exec(c, "SELECT pg_advisory_xact_lock(" + PgSchema.WRITER_LOCK + ")");
            } catch (SQLException e) {
                rollback(c);
                if (PgErrors.lost(e)) {
                    throw new NotBegun(PgErrors.wrap("write to the catalog", address, e));
                }
                throw PgErrors.wrap("write to the catalog", address, e);
            }
            try {
                T result = finish(c, tx, work, "write to the catalog", address);
                return new Done<>(result, tx.lastAppended());
            } catch (Retry r) {
                if (attempt >= PostgresCatalog.ATTEMPTS) {
                    throw PgErrors.wrap(r.operation, address, r.cause);
                }
                LOG.log(System.Logger.Level.DEBUG, "retrying a write after a conflict", r.cause);
                sleep(attempt);
            }
        }
    }

    private static <T> T finish(Connection c, SqlTx tx, Catalog.Work<T> work, String operation, PgAddress address) {
        try {
            T result;
            try (tx) {
                result = work.run(tx);
                tx.beforeCommit();
            }
            try {
                exec(c, "COMMIT");
            } catch (SQLException e) {
                if (PgErrors.lost(e)) {
                    throw PgErrors.lostAtCommit(address, e);
                }
                throw e;
            }
            return result;
        } catch (SqlFailure e) {
            rollback(c);
            throw failure(e.operation(), address, e.getCause());
        } catch (SQLException e) {
            rollback(c);
            throw failure(operation, address, e);
        } catch (RuntimeException | Error e) {
            rollback(c);
            throw e;
        }
    }

    private static RuntimeException failure(String operation, PgAddress address, SQLException e) {
        return PgErrors.retryable(e) ? new Retry(operation, e) : PgErrors.wrap(operation, address, e);
    }

    /**
     * The connection was found lost before the transaction began: nothing was sent, so the write may run again
     * on a new connection. Carries the one-line failure to report should that fail too.
     */
    static final class NotBegun extends RuntimeException {
        NotBegun(RuntimeException report) {
            super(report);
        }

        RuntimeException report() {
            return (RuntimeException) getCause();
        }
    }

    /** A conflict the transaction may be run again after; never leaves this class. */
    private static final class Retry extends RuntimeException {
        private final String operation;
        private final SQLException cause;

        Retry(String operation, SQLException cause) {
            super(cause);
            this.operation = operation;
            this.cause = cause;
        }
    }

    private static void sleep(int attempt) {
        try {
            Thread.sleep(20L * attempt + (long) (Math.random() * 20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void rollback(Connection c) {
        try {
            exec(c, "ROLLBACK");
        } catch (SQLException e) {
            // the connection may be gone; the original failure is what the user needs to see
            LOG.log(System.Logger.Level.DEBUG, "rollback failed", e);
        }
    }
}

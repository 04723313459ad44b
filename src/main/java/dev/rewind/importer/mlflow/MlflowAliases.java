package dev.rewind.importer.mlflow;

import dev.rewind.domain.RewindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * Reads and moves one alias of a registered model in an {@code mlflow.db}, the way {@code MlflowClient
 * .set_registered_model_alias} does: only that alias row changes, in one transaction. A database MLflow keeps
 * busy is waited for briefly, then refused; so is a schema generation that has no aliases.
 */
public final class MlflowAliases {
    static final int BUSY_TIMEOUT_MS = 3000;
    private static final String TABLE = "registered_model_aliases";

    private MlflowAliases() {
    }

    /** The version number the alias points at now; empty when the model has no such alias. */
    public static Optional<Integer> read(Path db, String model, String alias) {
        return run(db, "read", c -> {
            requireAliases(c, db);
            return current(c, model, alias);
        });
    }

    /**
     * Refuses, with one line, a store a move could not write now: missing, without aliases, without the registered
     * {@code model}, or locked by another program past the busy timeout. Takes MLflow's write lock and lets it go,
     * changing nothing.
     */
    public static void requireWritable(Path db, String model) {
        run(db, "move", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                try {
                    requireAliases(c, db);
                    requireModel(c, db, model);
                } finally {
                    st.execute("ROLLBACK");
                }
            }
            return null;
        });
    }

    private static Optional<Integer> current(Connection c, String model, String alias) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + TABLE + " WHERE name = ? AND alias = ?")) {
            ps.setString(1, model);
            ps.setString(2, alias);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    /**
     * Points the alias at the version {@code wanted} gives, asked while MLflow's write lock is held (so of two movers
     * the later one's answer lands last); it must be a version of {@code model} in this database. Returns the version
     * the alias pointed at before, empty when it had none.
     */
    public static Optional<Integer> set(Path db, String model, String alias, IntSupplier wanted) {
        return run(db, "move", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                try {
                    requireAliases(c, db);
                    Optional<Integer> before = current(c, model, alias);
                    int version = wanted.getAsInt();
                    requireVersion(c, db, model, version);
                    int n = update(c, "UPDATE " + TABLE + " SET version = ? WHERE name = ? AND alias = ?",
                            version, model, alias);
                    if (n == 0) {
                        update(c, "INSERT INTO " + TABLE + "(alias, version, name) VALUES (?, ?, ?)", alias, version, model);
                    } else if (n > 1) {
                        throw refuse(db, "alias '" + alias + "' of '" + model + "' exists in " + n
                                + " workspaces; Rewind moves one");
                    }
                    st.execute("COMMIT");
                    return before;
                } catch (SQLException | RuntimeException e) {
                    st.execute("ROLLBACK");
                    throw e;
                }
            }
        });
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static <T> T run(Path db, String what, Work<T> work) {
        if (!Files.isRegularFile(db)) {
            throw refuse(db, "it is not a file");
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setOpenMode(SQLiteOpenMode.READWRITE);
        cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:file:" + db.toAbsolutePath().toUri().getRawPath());
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLiteException e) {
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_BUSY || e.getResultCode() == SQLiteErrorCode.SQLITE_LOCKED
                    || e.getErrorCode() == SQLiteErrorCode.SQLITE_BUSY.code) {
                throw RewindException.refused("cannot " + what + " the alias in " + db + ": the database is locked by"
                        + " another program (waited " + BUSY_TIMEOUT_MS / 1000 + " s); nothing changed there");
            }
            throw refuse(db, firstLine(e));
        } catch (SQLException e) {
            throw refuse(db, firstLine(e));
        }
    }

    private static void requireAliases(Connection c, Path db) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw refuse(db, "its MLflow schema generation has no model aliases (MLflow 2.3 added them)");
                }
            }
        }
    }

    private static void requireModel(Connection c, Path db, String model) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM registered_models WHERE name = ?")) {
            ps.setString(1, model);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw refuse(db, "it has no registered model '" + model + "'");
                }
            }
        }
    }

    private static void requireVersion(Connection c, Path db, String model, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM model_versions WHERE name = ? AND version = ?")) {
            ps.setString(1, model);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw refuse(db, "model '" + model + "' has no version " + version + " there");
                }
            }
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static RewindException refuse(Path db, String what) {
        return RewindException.refused("cannot use the MLflow store " + db + ": " + what);
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}

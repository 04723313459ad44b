package dev.rewind.catalog.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Small helpers over JDBC: parameter binding with nulls, and queries that map rows. Updates keep their prepared
 * statement for the transaction (appending a million events must not compile the same INSERT a million times);
 * {@link #close} releases them when the transaction ends.
 */
final class Jdbc implements AutoCloseable {
    private final Connection c;
    private final Dialect dialect;
    private final boolean writing;
    private final Map<String, PreparedStatement> updates = new HashMap<>();

    Jdbc(Connection c) {
        this(c, Dialect.SQLITE, false);
    }

    Jdbc(Connection c, Dialect dialect, boolean writing) {
        this.c = c;
        this.dialect = dialect;
        this.writing = writing;
    }

    /**
     * What ends a SELECT of rows of {@code alias} that the transaction reads in order to change them: empty on
     * SQLite (a writer holds the whole database), {@code FOR UPDATE} on PostgreSQL when writing.
     */
    String lockForChange(String alias) {
        return writing && dialect == Dialect.POSTGRESQL ? " FOR UPDATE OF " + alias : "";
    }

    Connection connection() {
        return c;
    }

    /** {@code " INDEXED BY name"} if this is a SQLite catalog that has that index, else empty ({@link Indexes}). */
    String indexedBy(String name) {
        if (dialect != Dialect.SQLITE) {
            return "";
        }
        try {
            return Indexes.indexedBy(c, name);
        } catch (SQLException e) {
            throw new SqlFailure("look for index " + name, e);
        }
    }

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    <T> List<T> list(String operation, String sql, RowMapper<T> mapper, Object... args) {
        Dialect.Sql q = dialect.sql(sql);
        try (PreparedStatement ps = c.prepareStatement(q.text())) {
            bind(ps, q, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new SqlFailure(operation, e);
        }
    }

    <T> Optional<T> one(String operation, String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = list(operation, sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    int update(String operation, String sql, Object... args) {
        try {
            Dialect.Sql q = dialect.sql(sql);
            PreparedStatement ps = updates.get(sql);
            if (ps == null) {
                ps = c.prepareStatement(q.text());
                updates.put(sql, ps);
            }
            bind(ps, q, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new SqlFailure(operation, e);
        }
    }

    @Override
    public void close() {
        for (PreparedStatement ps : updates.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                System.getLogger(Jdbc.class.getName()).log(System.Logger.Level.WARNING, "could not close a statement", e);
            }
        }
        updates.clear();
    }

    long insert(String operation, String sql, Object... args) {
        Dialect.Sql q = dialect.sql(sql);
        if (dialect.returnsIds()) {
            try (PreparedStatement ps = c.prepareStatement(q.text() + " RETURNING id")) {
                bind(ps, q, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new SqlFailure(operation, e);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(q.text())) {
            bind(ps, q, args);
            ps.executeUpdate();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new SqlFailure(operation, e);
        }
    }

    private static void bind(PreparedStatement ps, Dialect.Sql q, Object... args) throws SQLException {
        if (q.order() == null) {
            bind(ps, args);
            return;
        }
        Object[] ordered = new Object[q.order().length];
        for (int i = 0; i < ordered.length; i++) {
            ordered[i] = args[q.order()[i]];
        }
        bind(ps, ordered);
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (a instanceof Double d) {
                ps.setDouble(i + 1, d);
            } else {
                ps.setString(i + 1, a.toString());
            }
        }
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}

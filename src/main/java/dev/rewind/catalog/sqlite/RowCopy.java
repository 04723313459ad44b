package dev.rewind.catalog.sqlite;

import dev.rewind.catalog.TableCopy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The SQL of {@link TableCopy} that both backends share: every table read whole in its order, written back row by
 * row with the same values. The caller opens and ends the transaction (and sets aside what its backend must).
 */
public final class RowCopy {
    private static final int BATCH = 1000;

    private RowCopy() {
    }

    /** Whether every table but the chain's starting point is empty. */
    public static boolean isEmpty(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (TableCopy.Table t : TableCopy.TABLES) {
                if (t.name().equals("chain_info")) {
                    continue;
                }
                try (ResultSet rs = st.executeQuery("SELECT 1 FROM " + t.name() + " LIMIT 1")) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Streams every table to {@code out}; {@code fetchSize} lets a server send rows in pieces. */
    public static void readAll(Connection c, TableCopy.Rows out, int fetchSize) throws SQLException {
        for (TableCopy.Table t : TableCopy.TABLES) {
            long count;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t.name())) {
                rs.next();
                count = rs.getLong(1);
            }
            try (Statement st = c.createStatement()) {
                st.setFetchSize(fetchSize);
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + t.name() + " ORDER BY " + t.orderBy())) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        columns.add(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                    }
                    out.table(t, columns, count);
                    while (rs.next()) {
                        Object[] row = new Object[columns.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        out.row(row);
                    }
                }
            }
        }
    }

    /** Inserts what {@code source} streams, in batches; the chain's starting point replaces the one creation wrote. */
    public static void insertAll(Connection c, Consumer<TableCopy.Rows> source) throws SQLException {
        Inserter in = new Inserter(c);
        try {
            source.accept(in);
            in.flush();
        } catch (SqlFailure e) {
            throw e.getCause();
        } finally {
            in.close();
        }
    }

    /** One prepared INSERT per table, its rows sent in batches. */
    private static final class Inserter implements TableCopy.Rows {
        private final Connection c;
        private PreparedStatement insert;
        private int pending;

        Inserter(Connection c) {
            this.c = c;
        }

        @Override
        public void table(TableCopy.Table table, List<String> columns, long count) {
            try {
                flush();
                close();
                if (table.name().equals("chain_info")) {
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("DELETE FROM chain_info");
                    }
                }
                insert = c.prepareStatement("INSERT INTO " + table.name() + "(" + String.join(", ", columns)
                        + ") VALUES (" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")");
            } catch (SQLException e) {
                throw new SqlFailure("copy table " + table.name(), e);
            }
        }

        @Override
        public void row(Object[] values) {
            try {
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    flush();
                }
            } catch (SQLException e) {
                throw new SqlFailure("copy a row", e);
            }
        }

        void flush() throws SQLException {
            if (insert != null && pending > 0) {
                try {
                    insert.executeBatch();
                } catch (java.sql.BatchUpdateException e) {
                    // the server's reason is the next exception; the batch's own message only lists the rows sent
                    throw e.getNextException() != null ? e.getNextException() : e;
                }
                pending = 0;
            }
        }

        void close() throws SQLException {
            if (insert != null) {
                insert.close();
                insert = null;
            }
        }
    }
}

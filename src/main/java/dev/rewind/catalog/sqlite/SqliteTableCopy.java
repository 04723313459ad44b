package dev.rewind.catalog.sqlite;

import dev.rewind.catalog.TableCopy;
import dev.rewind.domain.RewindException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@link TableCopy} of a catalog file. The chain's starting point is frozen by triggers, so the copy drops them,
 * replaces it with the source's and creates them again, all inside the one transaction that writes the rows.
 */
final class SqliteTableCopy implements TableCopy {
    private final Path file;
    private final Connection writer;
    private final Connection reader;

    SqliteTableCopy(Path file, Connection writer, Connection reader) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public boolean isEmpty() {
        synchronized (reader) {
            try {
                return RowCopy.isEmpty(reader);
            } catch (SQLException e) {
                throw Errors.wrap("read the catalog", file, e);
            }
        }
    }

    @Override
    public void readAll(Rows out) {
        synchronized (reader) {
            try {
                Transactions.exec(reader, Transactions.BEGIN_READ);
                try {
                    RowCopy.readAll(reader, out, 0);
                } finally {
                    Transactions.exec(reader, "COMMIT");
                }
            } catch (SQLException e) {
                throw Errors.wrap("read the catalog", file, e);
            }
        }
    }

    @Override
    public void writeAll(Consumer<Rows> source) {
        if (writer == null) {
            throw new dev.rewind.domain.ReadOnlyCatalogException(file.toString());
        }
        synchronized (writer) {
            try {
                Transactions.exec(writer, Transactions.BEGIN_WRITE);
            } catch (SQLException e) {
                throw Errors.wrap("write to the catalog", file, e);
            }
            try {
                if (!RowCopy.isEmpty(writer)) {
                    throw RewindException.refused("catalog " + file + " is not empty");
                }
                List<String> frozen = chainInfoTriggers();
                for (String name : frozen) {
                    Transactions.exec(writer, "DROP TRIGGER " + name.substring(0, name.indexOf('\n')));
                }
                RowCopy.insertAll(writer, source);
                for (String trigger : frozen) {
                    Transactions.exec(writer, trigger.substring(trigger.indexOf('\n') + 1));
                }
                Transactions.exec(writer, "COMMIT");
            } catch (SQLException e) {
                rollback();
                throw Errors.wrap("copy into the catalog", file, e);
            } catch (RuntimeException | Error e) {
                rollback();
                throw e;
            }
            Connections.checkpoint(writer, file);
        }
    }

    /** Each trigger on chain_info as its name, a newline, and the statement that creates it. */
    private List<String> chainInfoTriggers() throws SQLException {
        List<String> triggers = new ArrayList<>();
        try (Statement st = writer.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'chain_info'")) {
            while (rs.next()) {
                triggers.add(rs.getString(1) + "\n" + rs.getString(2));
            }
        }
        return triggers;
    }

    private void rollback() {
        try {
            Transactions.exec(writer, "ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite may have ended the transaction itself; the original failure is what the user needs to see
        }
    }
}

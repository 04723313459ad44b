package dev.rewind.catalog.postgres;

import dev.rewind.catalog.TableCopy;
import dev.rewind.catalog.sqlite.RowCopy;
import dev.rewind.catalog.sqlite.SqlFailure;
import dev.rewind.domain.ReadOnlyCatalogException;
import dev.rewind.domain.RewindException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@link TableCopy} of a server catalog. Two triggers would change what is copied: the event's actor is set to the
 * session user, and the chain's starting point cannot be replaced. The copy turns exactly those two off inside its
 * transaction (which only the tables' owner may do, so a team member still cannot write someone else's name) and
 * on again before it commits.
 */
final class PgTableCopy implements TableCopy {
    /** table, trigger: set aside while copying. */
    private static final List<String[]> SET_ASIDE = List.of(new String[] {"events", "events_actor"},
            new String[] {"chain_info", "chain_info_no_delete"});
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final PgAddress address;
    private final Connection writer;
    private final Connection reader;

    PgTableCopy(PgAddress address, Connection writer, Connection reader) {
        this.address = address;
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public boolean isEmpty() {
        synchronized (reader) {
            try {
                return RowCopy.isEmpty(reader);
            } catch (SQLException e) {
                throw PgErrors.wrap("read the catalog", address, e);
            }
        }
    }

    @Override
    public void readAll(Rows out) {
        synchronized (reader) {
            try {
                reader.setAutoCommit(false); // the driver streams rows through a cursor only inside a transaction
                reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try {
                    RowCopy.readAll(reader, out, 1000);
                    reader.commit();
                } finally {
                    rollbackQuietly(reader);
                    reader.setAutoCommit(true);
                    reader.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
            } catch (SQLException e) {
                throw PgErrors.wrap("read the catalog", address, e);
            }
        }
    }

    @Override
    public void writeAll(Consumer<Rows> source) {
        if (writer == null) {
            throw new ReadOnlyCatalogException(address.toString());
        }
        synchronized (writer) {
            try {
                writer.setAutoCommit(false);
                try (Statement st = writer.createStatement()) {
                    st.execute("SELECT pg_advisory_xact_lock(" + PgSchema.WRITER_LOCK + ")");
                    if (!RowCopy.isEmpty(writer)) {
                        throw RewindException.refused("catalog " + address + " is not empty");
                    }
                    setAside(st, "DISABLE");
                    RowCopy.insertAll(writer, source);
                    setAside(st, "ENABLE");
                }
                writer.commit();
            } catch (SQLException e) {
                rollbackQuietly(writer);
                if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                    throw RewindException.refused("cannot copy into " + address + ": only the owner of its tables"
                            + " may (" + PgErrors.firstLine(e, address) + ")");
                }
                throw PgErrors.wrap("copy into the catalog", address, e);
            } catch (SqlFailure e) {
                rollbackQuietly(writer);
                throw PgErrors.wrap("copy into the catalog", address, e.getCause());
            } catch (RuntimeException | Error e) {
                rollbackQuietly(writer);
                throw e;
            } finally {
                try {
                    writer.setAutoCommit(true);
                } catch (SQLException e) {
                    System.getLogger(PgTableCopy.class.getName()).log(System.Logger.Level.DEBUG,
                            "restoring autocommit failed", e);
                }
            }
        }
    }

    private static void setAside(Statement st, String how) throws SQLException {
        for (String[] t : SET_ASIDE) {
            st.execute("ALTER TABLE " + t[0] + " " + how + " TRIGGER " + t[1]);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            System.getLogger(PgTableCopy.class.getName()).log(System.Logger.Level.DEBUG, "rollback failed", e);
        }
    }
}

package dev.rewind.catalog.postgres;

import dev.rewind.domain.RewindException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Numbered schema scripts for PostgreSQL; the number applied last is the row of {@code rewind_schema}. */
public final class PgSchema {
    static final List<String> SCRIPTS = List.of("P1__schema.sql", "P2__notify.sql", "P3__roles.sql",
            "P4__artifact_store.sql", "P5__target_kinds.sql");
    public static final int CURRENT = SCRIPTS.size();
    /** The advisory lock every writer holds for its transaction, so events are appended one transaction at a time. */
    static final long WRITER_LOCK = 0x52574e44L;

    private PgSchema() {
    }

    /** Brings the database to {@link #CURRENT}; refuses a newer schema, and a database holding something else. */
    static void migrate(Connection c, PgAddress address, boolean create) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN");
            try {
                st.execute("SELECT pg_advisory_xact_lock(" + WRITER_LOCK + ")");
                int version = version(st);
                if (version > CURRENT) {
                    throw RewindException.unreadable("cannot open catalog " + address + ": it was written by a newer"
                            + " Rewind (catalog schema " + version + ", this Rewind reads up to " + CURRENT + ")");
                }
                if (version == 0) {
                    refuseUnlessEmpty(st, address, create);
                }
                for (int v = version; v < CURRENT; v++) {
                    st.execute(script(SCRIPTS.get(v)));
                    st.execute("UPDATE rewind_schema SET version = " + (v + 1));
                }
                st.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                st.execute("ROLLBACK");
                throw e;
            }
        }
    }

    static int version(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT to_regclass('rewind_schema') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return 0;
            }
        }
        try (ResultSet rs = st.executeQuery("SELECT max(version) FROM rewind_schema")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void refuseUnlessEmpty(Statement st, PgAddress address, boolean create) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw RewindException.unreadable("cannot open catalog " + address
                        + ": it is a PostgreSQL database but not a Rewind catalog (use an empty database)");
            }
        }
        if (!create) {
            throw RewindException.unreadable("no catalog at " + address
                    + " (create one with 'rewind init' or 'rewind demo')");
        }
    }

    private static String script(String name) {
        try (InputStream in = PgSchema.class.getResourceAsStream("/dev/rewind/catalog/postgres/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

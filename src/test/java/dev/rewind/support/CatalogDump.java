package dev.rewind.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Every row of every table of a catalog as text, so a test can assert that nothing changed. */
public final class CatalogDump {
    private CatalogDump() {
    }

    public static String of(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
             Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            StringBuilder sb = new StringBuilder();
            for (String t : tables) {
                sb.append("## ").append(t).append('\n');
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\" ORDER BY 1, 2")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            sb.append(rs.getString(i)).append('|');
                        }
                        sb.append('\n');
                    }
                }
            }
            return sb.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of one table in a dump made by {@link #of}. */
    public static List<String> rows(String dump, String table) {
        String rest = dump.substring(dump.indexOf("## " + table + "\n") + table.length() + 4);
        int end = rest.indexOf("## ");
        return List.of((end < 0 ? rest : rest.substring(0, end)).split("\n"));
    }

    /**
     * What makes a catalog of schema 5 or later look as one written before 5: schema 8's target pointers, schema 6's
     * retired column and the
     * chain's tables and columns go, and the append-only trigger (which names the new columns) is put back as
     * schemas 1 to 4 had it.
     */
    public static final List<String> WITHOUT_CHAIN = List.of("DROP TABLE target_pointers",
            "ALTER TABLE targets DROP COLUMN retired",
            "DROP TABLE keys", "DROP TABLE version_initial_tags",
            "DROP TABLE chain_info", "DROP TRIGGER events_no_update", "ALTER TABLE events DROP COLUMN facts_digest",
            "ALTER TABLE events DROP COLUMN key_id", "ALTER TABLE events DROP COLUMN signature",
            "CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
                    + " BEGIN SELECT RAISE(ABORT, 'rewind: events are append-only and cannot be updated'); END");

    /** Runs raw SQL against a catalog, bypassing Rewind, the way a careless or malicious hand would. */
    public static void exec(Path file, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.executeUpdate(s);
            }
        }
    }
}

package dev.rewind.catalog.postgres;

import dev.rewind.support.PgSandbox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every row of every table of a sandbox database as sorted text, so a test can assert that nothing changed. */
final class PgDump {
    private PgDump() {
    }

    static String of(String url) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(PgSandbox.Server.jdbc(url)); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                    + " ORDER BY tablename")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                Collections.sort(rows);
                out.append("## ").append(table).append('\n');
                rows.forEach(r -> out.append(r).append('\n'));
            }
        }
        return out.toString();
    }
}

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

    /** Runs raw SQL against a catalog, bypassing Rewind, the way a careless or malicious hand would. */
    public static void exec(Path file, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.executeUpdate(s);
            }
        }
    }
}

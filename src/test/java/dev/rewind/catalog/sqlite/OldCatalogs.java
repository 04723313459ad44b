package dev.rewind.catalog.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Catalogs as an older Rewind created them: the numbered scripts up to a version, run as that Rewind ran them. */
public final class OldCatalogs {
    private OldCatalogs() {
    }

    public static void create(Path db, int version) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (String script : Migrations.SCRIPTS.subList(0, version)) {
                for (String sql : Migrations.statements(script)) {
                    st.executeUpdate(sql);
                }
            }
            st.executeUpdate("PRAGMA application_id = " + Migrations.APPLICATION_ID);
            st.executeUpdate("PRAGMA user_version = " + version);
        }
    }
}

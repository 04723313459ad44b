package dev.rewind.catalog.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Indexes that only speed reads up, so they need no schema version: created if missing each time a catalog opens
 * for writing (a no-op once they exist), and a catalog opened elsewhere without them still reads correctly.
 */
final class Indexes {
    static final List<String> STATEMENTS = List.of(
            // the timeline's light rows and buckets read this index alone, never the wide version rows
            "CREATE INDEX IF NOT EXISTS versions_timeline ON versions(model_id, created_at, seq, label)",
            // failed/stable flags of a model's versions, without scanning every tag of the catalog
            "CREATE INDEX IF NOT EXISTS version_tags_by_key ON version_tags(key COLLATE NOCASE, version_id)");

    private Indexes() {
    }

    static void ensure(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : STATEMENTS) {
                st.executeUpdate(sql);
            }
        }
    }
}

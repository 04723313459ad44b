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
    /**
     * A version's model by its id, from an index of 20-odd bytes a row instead of the wide version rows: the model
     * list's tag words look up tens of thousands of versions this way, which from a cold disk cache took 1-6 s
     * (reads all over a 1.3 GB file) and with it 60 ms.
     */
    static final String VERSIONS_MODEL_OF = "versions_model_of";

    static final List<String> STATEMENTS = List.of(
            // the timeline's light rows and buckets read this index alone, never the wide version rows
            "CREATE INDEX IF NOT EXISTS versions_timeline ON versions(model_id, created_at, seq, label)",
            "CREATE INDEX IF NOT EXISTS " + VERSIONS_MODEL_OF + " ON versions(id, model_id)",
            // failed/stable flags of a model's versions, without scanning every tag of the catalog
            "CREATE INDEX IF NOT EXISTS version_tags_by_key ON version_tags(key COLLATE NOCASE, version_id)",
            // the lanes: a model's pointer moves only (a fraction of its events), without reading the wide rows
            "CREATE INDEX IF NOT EXISTS events_moves ON events(model_id, id, target_id, at, effective_at, kind, to_version_id) "
                    + "WHERE kind IN " + SqliteEvents.MOVE_KINDS,
            // when each target last moved (the targets list's "since"): one index probe, not a walk of its events
            "CREATE INDEX IF NOT EXISTS events_target_moves ON events(target_id, at, effective_at, kind) WHERE kind IN "
                    + SqliteEvents.MOVE_KINDS,
            // the "since" itself, max(coalesce(effective_at, at)): on the index above it walks every move of the
            // target (10 ms for a target moved 25,000 times, twice per opening of its model); on this, one probe
            "CREATE INDEX IF NOT EXISTS events_target_since ON events(target_id, coalesce(effective_at, at)) "
                    + "WHERE kind IN " + SqliteEvents.MOVE_KINDS);

    private Indexes() {
    }

    /**
     * {@code " INDEXED BY name"} when this SQLite catalog has the index (SQLite's planner prefers the table's rowid
     * to it), else empty: a catalog only ever opened read-only since may lack it, and PostgreSQL plans for itself.
     */
    static String indexedBy(Connection c, String name) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?")) {
            ps.setString(1, name);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? " INDEXED BY " + name : "";
            }
        }
    }

    static void ensure(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : STATEMENTS) {
                st.executeUpdate(sql);
            }
        }
    }
}

package dev.rewind.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.catalog.PendingSwitch;
import dev.rewind.domain.TargetState;
import dev.rewind.support.CatalogDump;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 6 rebuilds the events table for the kind 'retire': a catalog written by schema 5 keeps every event
 * column for column (hashes, digests, signatures), its pending switches and move proofs, and its append-only
 * triggers, which still cover every column.
 */
class RetireMigrationTest {
    /** Every column schema 6 gives events (schema 7 adds effective_at, checked by its own test). */
    private static final String V6_EVENTS = "SELECT id, at, kind, model_id, target_id, version_id, from_version_id,"
            + " to_version_id, tag_key, tag_value, reason, actor, host, prev_hash, hash, overrides, facts_digest, key_id,"
            + " signature FROM events ORDER BY id";
    @TempDir
    Path dir;

    @Test
    void aSchemaFiveCatalogKeepsEveryEventProofAndPendingSwitchAndTakesRetirement() throws Exception {
        Path db = dir.resolve("v5.db");
        OldCatalogs.create(db, 5);
        CatalogDump.exec(db,
                "INSERT INTO models(id, name, created_at) VALUES (1, 'm', 0)",
                "INSERT INTO versions(id, model_id, label, seq, created_at, author) VALUES (1, 1, '1.0', 1, 0, 'a')",
                "INSERT INTO targets(id, model_id, name, version_id) VALUES (1, 1, 'production', 1)",
                "INSERT INTO events(id, at, kind, model_id, target_id, actor, host, prev_hash, hash, facts_digest,"
                        + " key_id, signature) VALUES (1, 10, 'target', 1, 1, 'a', 'h', 'p0', 'h1', 'd1', 'k1', 's1')",
                "INSERT INTO events(id, at, kind, model_id, target_id, from_version_id, to_version_id, reason, actor,"
                        + " host, prev_hash, hash, overrides) VALUES (2, 20, 'deploy', 1, 1, NULL, 1, 'go', 'a', 'h',"
                        + " 'h1', 'h2', 'failed-version')",
                "INSERT INTO pending_switches(event_id, target_id) VALUES (2, 1)",
                "INSERT INTO move_proofs(event_id, at, verified, detail, check_outcome) VALUES (2, 21, 1, 'ok', 'passed')");
        List<String> events = rows(db, V6_EVENTS);
        List<String> proofs = rows(db, "SELECT * FROM move_proofs");

        try (SqliteCatalog c = SqliteCatalog.open(db, false)) {
            List<PendingSwitch> pending = c.read(tx -> tx.events().pendingSwitches());
            assertThat(pending).containsExactly(new PendingSwitch(2, 1));
            c.write(tx -> {
                tx.targets().retire(1);
                return null;
            });
            assertThat(c.read(tx -> tx.targets().find("m", "production")).orElseThrow().retired()).isTrue();
            List<TargetState> active = c.read(tx -> tx.targets().list("m"));
            List<TargetState> all = c.read(tx -> tx.targets().list("m", true));
            assertThat(active).isEmpty();
            assertThat(all).extracting(TargetState::retired).containsExactly(true);
        }
        assertThat(rows(db, V6_EVENTS)).isEqualTo(events);
        // the new kind is allowed (the service test signs one; here the rows are raw)
        CatalogDump.exec(db, "INSERT INTO events(id, at, kind, model_id, target_id, reason, actor, host, prev_hash,"
                + " hash, signature) VALUES (3, 30, 'retire', 1, 1, 'replaced', 'a', 'h', 'h2', 'h3', 's3')");
        assertThatThrownBy(() -> CatalogDump.exec(db, "INSERT INTO events(id, at, kind, actor, host, prev_hash, hash)"
                + " VALUES (4, 40, 'demolish', 'a', 'h', 'h3', 'h4')")).hasMessageContaining("CHECK");
        assertThat(rows(db, "SELECT * FROM move_proofs")).isEqualTo(proofs);
        assertThat(rows(db, "PRAGMA user_version")).containsExactly(String.valueOf(Migrations.CURRENT));
        assertThat(rows(db, "PRAGMA foreign_key_check")).isEmpty();
        assertThat(rows(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'"))
                .contains("events_by_model", "events_by_target");

        for (String column : rows(db, "SELECT name FROM pragma_table_info('events')")) {
            assertThatThrownBy(() -> CatalogDump.exec(db, "UPDATE events SET " + column + " = "
                    + (column.equals("id") ? "id + 100" : "'changed'") + " WHERE id = 1"))
                    .as("a signed event's %s cannot change", column).hasMessageContaining("append-only");
        }
        assertThatThrownBy(() -> CatalogDump.exec(db, "DELETE FROM events")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> CatalogDump.exec(db, "DELETE FROM move_proofs")).hasMessageContaining("cannot be deleted");
        assertThatThrownBy(() -> CatalogDump.exec(db, "UPDATE targets SET retired = 2"))
                .hasMessageContaining("CHECK");
    }

    private static List<String> rows(Path db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}

package dev.rewind.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.catalog.EventChain;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.PendingSwitch;
import dev.rewind.domain.Event;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.MetricGuard;
import dev.rewind.domain.MoveOverride;
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
 * Migration 3 rebuilds the events table (new kinds, an overrides column): a catalog written by schema 2 keeps
 * every event with its id and hash, its pending switches and its append-only triggers, and takes the new facts.
 */
class MigrationV3Test {
    @TempDir
    Path dir;

    @Test
    void aSchemaTwoCatalogIsMigratedKeepingEventsHashesPendingSwitchesAndTriggers() throws Exception {
        Path db = dir.resolve("v2.db");
        List<String> hashes = schemaTwoCatalog(db);

        try (SqliteCatalog c = SqliteCatalog.open(db, false)) {
            List<EventRecord> events = new ArrayList<>();
            c.read(tx -> {
                tx.events().forEach(events::add);
                return null;
            });
            assertThat(events).extracting(EventRecord::hash).containsExactlyElementsOf(hashes);
            for (EventRecord e : events) {
                assertThat(EventChain.hash(e)).as("event %d still hashes to its stored hash", e.id()).isEqualTo(e.hash());
                assertThat(e.overrides()).isNull();
            }
            List<PendingSwitch> pending = c.read(tx -> tx.events().pendingSwitches());
            assertThat(pending).containsExactly(new PendingSwitch(2, 1));
            assertThat(c.integrityCheck()).isEmpty();
            // the new facts can be stored, and the new kinds are allowed
            c.write(tx -> {
                long target = tx.targets().find("m", "production").orElseThrow().id();
                tx.targets().setProtected(target, true);
                tx.targets().setGuards(target, List.of(new MetricGuard("auc", 0.9, null)));
                tx.events().append(EventRecord.draft(3000, EventKind.PROTECT, 1L, target, null, null, null, null,
                        null, "on-call rule", "a", "h"));
                tx.events().append(EventRecord.draft(3001, EventKind.DEPLOY, 1L, target, null, 1L, 1L, null, null,
                        "forced", "a", "h").withOverrides(MoveOverride.format(List.of(MoveOverride.FAILED_VERSION))));
                return null;
            });
            assertThat(c.read(tx -> tx.targets().find("m", "production")).orElseThrow().protectedTarget()).isTrue();
            Event last = c.read(tx -> tx.events().history("m", "production")).get(0);
            assertThat(last.overrides()).containsExactly(MoveOverride.FAILED_VERSION);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(Migrations.CURRENT);
        }
        assertThatThrownBy(() -> CatalogDump.exec(db, "UPDATE events SET reason = 'x'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> CatalogDump.exec(db, "DELETE FROM events"))
                .hasMessageContaining("append-only");
    }

    /** A catalog as schema 2 wrote it: one model, version and target, three hash-chained events, a pending switch. */
    private static List<String> schemaTwoCatalog(Path db) throws Exception {
        List<String> hashes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (String script : List.of("V1__initial.sql", "V2__provenance.sql")) {
                for (String sql : Migrations.statements(script)) {
                    st.executeUpdate(sql);
                }
            }
            st.executeUpdate("PRAGMA application_id = " + Migrations.APPLICATION_ID);
            st.executeUpdate("PRAGMA user_version = 2");
            st.executeUpdate("INSERT INTO models(id, name, created_at) VALUES (1, 'm', 0)");
            st.executeUpdate("INSERT INTO versions(id, model_id, label, seq, created_at) VALUES (1, 1, '1.0', 1, 0)");
            st.executeUpdate("INSERT INTO targets(id, model_id, name, version_id) VALUES (1, 1, 'production', 1)");
            String prev = EventChain.GENESIS;
            List<EventRecord> drafts = List.of(
                    EventRecord.draft(1000, EventKind.REGISTER, 1L, null, 1L, null, null, null, null, null, "a", "h"),
                    EventRecord.draft(2000, EventKind.DEPLOY, 1L, 1L, null, null, 1L, null, null, "launch", "a", "h"),
                    EventRecord.draft(2500, EventKind.TAG, 1L, null, 1L, null, null, "stable", null, "ok", "a", "h"));
            long id = 1;
            for (EventRecord d : drafts) {
                EventRecord e = d.linked(id++, prev);
                st.executeUpdate("INSERT INTO events(id, at, kind, model_id, target_id, version_id, from_version_id, "
                        + "to_version_id, tag_key, tag_value, reason, actor, host, prev_hash, hash) VALUES ("
                        + e.id() + "," + e.at() + ",'" + e.kind().id() + "'," + e.modelId() + "," + e.targetId() + ","
                        + e.versionId() + "," + e.fromVersionId() + "," + e.toVersionId() + ","
                        + q(e.tagKey()) + "," + q(e.tagValue()) + "," + q(e.reason()) + ",'a','h','" + e.prevHash()
                        + "','" + e.hash() + "')");
                hashes.add(e.hash());
                prev = e.hash();
            }
            st.executeUpdate("INSERT INTO pending_switches(event_id, target_id) VALUES (2, 1)");
        }
        return hashes;
    }

    private static String q(String s) {
        return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
    }
}

package dev.rewind.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.catalog.EventChain;
import dev.rewind.catalog.EventRecord;
import dev.rewind.domain.EventKind;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.Tamper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 7 adds events.effective_at: a schema-6 catalog keeps every event as written (effective_at null, so
 * every hash stays), the append-only trigger covers the new column, and the lanes' index is rebuilt with it.
 */
class EffectiveTimeMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aSchemaSixCatalogKeepsItsEventsAndTheNewColumnIsAppendOnlyAndIndexed() throws Exception {
        Path db = dir.resolve("v6.db");
        OldCatalogs.create(db, 6);
        CatalogDump.exec(db,
                "INSERT INTO models(id, name, created_at) VALUES (1, 'm', 0)",
                "INSERT INTO versions(id, model_id, label, seq, created_at, author) VALUES (1, 1, '1.0', 1, 0, 'a')",
                "INSERT INTO targets(id, model_id, name, version_id) VALUES (1, 1, 'production', 1)",
                "INSERT INTO events(id, at, kind, model_id, target_id, to_version_id, actor, host, prev_hash, hash,"
                        + " signature) VALUES (1, 10, 'import', 1, 1, 1, 'a', 'h', 'p0', 'h1', 's1')",
                "CREATE INDEX events_moves ON events(model_id, id, target_id, at, kind, to_version_id)"
                        + " WHERE kind IN ('deploy','rollback','import')");
        String before = Tamper.one(db, "SELECT group_concat(id || at || kind || hash || signature) FROM events");

        try (SqliteCatalog c = SqliteCatalog.open(db, false)) {
            java.util.List<dev.rewind.catalog.Position> positions = c.read(tx -> tx.events().positions("m"));
            assertThat(positions).extracting(dev.rewind.catalog.Position::atMs).containsExactly(10L);
            assertThat(positions).extracting(dev.rewind.catalog.Position::approximate).containsExactly(false);
        }
        // schema 7 or a later one built on it (8 adds target kinds)
        assertThat(Tamper.one(db, "PRAGMA user_version")).isEqualTo(String.valueOf(Migrations.CURRENT));
        assertThat(Migrations.SCRIPTS.indexOf("V7__effective_time.sql")).isEqualTo(6);
        assertThat(Tamper.one(db, "SELECT group_concat(id || at || kind || hash || signature) FROM events"))
                .isEqualTo(before);
        assertThat(Tamper.one(db, "SELECT count(*) FROM events WHERE effective_at IS NULL")).isEqualTo("1");
        assertThat(Tamper.one(db, "SELECT group_concat(name) FROM pragma_index_info('events_moves')"))
                .contains("effective_at");
        assertThatThrownBy(() -> CatalogDump.exec(db, "UPDATE events SET effective_at = 5 WHERE id = 1"))
                .hasMessageContaining("append-only");
    }

    @Test
    void theHashOfAnEventWithoutAnEffectiveTimeIsUnchangedAndWithOneCoversIt() {
        EventRecord plain = EventRecord.draft(10, EventKind.IMPORT, 1L, 1L, null, null, 1L, null, null, "r", "a", "h")
                .linked(1, EventChain.GENESIS);
        EventRecord legacy = new EventRecord(1, 10, EventKind.IMPORT, 1L, 1L, null, null, 1L, null, null, "r", "a", "h",
                EventChain.GENESIS, null, null, null, null, null);
        assertThat(plain.hash()).isEqualTo(EventChain.hash(legacy));
        EventRecord dated = EventRecord.draft(10, EventKind.IMPORT, 1L, 1L, null, null, 1L, null, null, "r", "a", "h")
                .effectiveAt(5).linked(1, EventChain.GENESIS);
        EventRecord other = EventRecord.draft(10, EventKind.IMPORT, 1L, 1L, null, null, 1L, null, null, "r", "a", "h")
                .effectiveAt(6).linked(1, EventChain.GENESIS);
        assertThat(dated.hash()).isNotEqualTo(plain.hash()).isNotEqualTo(other.hash());
    }
}

package dev.rewind.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.MetricValue;
import dev.rewind.service.RegisterRequest;
import dev.rewind.service.Services;
import dev.rewind.service.VerifyService;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.Tamper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration 5 on a catalog written before it: old history is a note, new history is signed and covered. */
class ChainUpgradeTest {
    @TempDir
    Path dir;

    private Services open(Path db) {
        return new Services(SqliteCatalog.open(db, !Files.exists(db)), new Actor("ana", "h"), Clock.systemUTC());
    }

    private void register(Services s, String label) throws Exception {
        Path art = Files.writeString(dir.resolve(label + ".bin"), "weights " + label);
        s.registry().register(new RegisterRequest("m", label, art, List.of(MetricValue.summary("auc", 0.9)),
                java.util.Map.of("lr", "0.1"), null, null, null, null));
    }

    @Test
    void oldHistoryIsANoteNewHistoryIsSignedAndOldTagsStillFold() throws Exception {
        Path db = dir.resolve("c.db");
        try (Services s = open(db)) {
            register(s, "1.0");
            s.registry().tag("m", "1.0", "failed", null, "bad");
        }
        // what schema 2 wrote: no digests, no signatures, no keys, hashes without a digest
        CatalogDump.exec(db, "DROP TABLE keys", "DROP TABLE version_initial_tags", "DROP TABLE chain_info",
                "DROP TRIGGER events_no_update", "ALTER TABLE events DROP COLUMN facts_digest",
                "ALTER TABLE events DROP COLUMN key_id", "ALTER TABLE events DROP COLUMN signature",
                "CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
                        + " BEGIN SELECT RAISE(ABORT, 'rewind: events are append-only and cannot be updated'); END",
                "PRAGMA user_version = 2");
        Tamper.rechain(db, 1);
        Files.delete(dir.resolve("c.db.head"));

        try (Services s = open(db)) {
            VerifyService.Report r = s.verifier().verify(false);
            assertThat(r.problems()).isEmpty();
            assertThat(r.notes()).singleElement().asString().startsWith("not covered (written before V5): 2 unsigned"
                    + " events and 1 versions");
            register(s, "1.1");
            assertThat(s.verifier().verify(false).problems()).isEmpty();
        }
        assertThat(Tamper.one(db, "SELECT signature FROM events WHERE id = 3")).isNotBlank();
        assertThat(Tamper.one(db, "SELECT facts_digest FROM events WHERE id = 3")).hasSize(64);

        CatalogDump.exec(db, "DELETE FROM version_tags WHERE key = 'failed'");
        try (Services s = open(db)) {
            assertThat(s.verifier().verify(false).problems())
                    .anyMatch(p -> p.startsWith("tags: version m 1.0 lacks tag failed, but its history (event 2)"));
        }
    }
}

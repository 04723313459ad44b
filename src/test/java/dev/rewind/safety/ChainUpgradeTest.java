package dev.rewind.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.catalog.EventChain;
import dev.rewind.catalog.sqlite.OldCatalogs;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.MetricValue;
import dev.rewind.domain.MoveOverride;
import dev.rewind.domain.MoveRequest;
import dev.rewind.service.RegisterRequest;
import dev.rewind.service.Services;
import dev.rewind.service.VerifyService;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.Tamper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration 5 on a catalog written before it (schema 4): old history is a note, new history is signed and covered. */
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
        // what schema 4 wrote: no digests, no signatures, no keys, hashes without a digest
        List<String> toSchemaFour = new ArrayList<>(CatalogDump.WITHOUT_CHAIN);
        toSchemaFour.add("PRAGMA user_version = 4");
        CatalogDump.exec(db, toSchemaFour.toArray(String[]::new));
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

    /**
     * A catalog as schema 4 (V1..V4) wrote it, its hashes made by schema 4's formula (frozen below): a protected
     * target with a guard and a check, a failed version deployed with an override, a proof. Migration 5 keeps every
     * hash, verify is clean, new history is signed, and the overrides stay append-only and hashed.
     */
    @Test
    void aSchemaFourCatalogWithOverridesUpgradesAndVerifiesClean() throws Exception {
        Path db = dir.resolve("v4.db");
        OldCatalogs.create(db, 4);
        String failed = MoveOverride.format(List.of(MoveOverride.FAILED_VERSION));
        List<String> hashes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO models(id, name, created_at) VALUES (1, 'm', 0)");
            st.executeUpdate("INSERT INTO versions(id, model_id, label, seq, created_at) VALUES (1, 1, '1.0', 1, 0)");
            st.executeUpdate("INSERT INTO version_tags(version_id, key, value) VALUES (1, 'failed', NULL)");
            st.executeUpdate("INSERT INTO targets(id, model_id, name, version_id, protected) VALUES (1, 1, 'production',"
                    + " 1, 1)");
            st.executeUpdate("INSERT INTO target_guards(target_id, key, min, max) VALUES (1, 'auc', 0.5, NULL)");
            st.executeUpdate("INSERT INTO target_checks(target_id, command, timeout_ms) VALUES (1, 'true', 5000)");
            Object[][] rows = {
                {"register", null, 1L, null, null, null, null, null},
                {"tag", null, 1L, null, null, "failed", null, null},
                {"target", 1L, null, null, null, null, null, null},
                {"protect", 1L, null, null, null, null, "on-call", null},
                {"guard", 1L, null, null, null, null, "auc >= 0.5", null},
                {"deploy", 1L, null, null, 1L, null, "hotfix", failed}};
            String prev = EventChain.GENESIS;
            long id = 1;
            for (Object[] r : rows) {
                String hash = schemaFourHash(prev, id, 1000 * id, (String) r[0], 1L, (Long) r[1], (Long) r[2],
                        (Long) r[3], (Long) r[4], (String) r[5], (String) r[6], (String) r[7]);
                st.executeUpdate("INSERT INTO events(id, at, kind, model_id, target_id, version_id, from_version_id,"
                        + " to_version_id, tag_key, reason, actor, host, prev_hash, hash, overrides) VALUES (" + id
                        + ", " + 1000 * id + ", '" + r[0] + "', 1, " + r[1] + ", " + r[2] + ", " + r[3] + ", " + r[4]
                        + ", " + q(r[5]) + ", " + q(r[6]) + ", 'ana', 'h', '" + prev + "', '" + hash + "', " + q(r[7])
                        + ")");
                hashes.add(hash);
                prev = hash;
                id++;
            }
            st.executeUpdate("INSERT INTO move_proofs(event_id, at, verified, detail) VALUES (6, 6001, 1, 'catalog')");
        }

        try (Services s = open(db)) {
            VerifyService.Report r = s.verifier().verify(false);
            assertThat(r.problems()).isEmpty();
            assertThat(r.notes()).singleElement().asString().startsWith("not covered (written before V5): 6 unsigned");
            register(s, "1.1");
            s.deployments().deploy(MoveRequest.of("m", "production", "1.1").because("fixed"));
            assertThat(s.verifier().verify(false).problems()).isEmpty();
        }
        assertThat(Tamper.events(db)).extracting(e -> e.hash()).startsWith(hashes.toArray(String[]::new));
        assertThat(Tamper.one(db, "SELECT overrides FROM events WHERE id = 6")).isEqualTo(failed);
        assertThat(Tamper.one(db, "SELECT signature FROM events ORDER BY id DESC LIMIT 1")).isNotBlank();
        assertThatThrownBy(() -> CatalogDump.exec(db, "UPDATE events SET overrides = NULL WHERE id = 6"))
                .hasMessageContaining("append-only");

        Tamper.withTriggersDropped(db, "UPDATE events SET overrides = NULL WHERE id = 6");
        try (Services s = open(db)) {
            assertThat(s.verifier().verify(false).problems())
                    .anyMatch(p -> p.startsWith("history: event 6 ") && p.contains("does not match its hash"));
        }
    }

    /** Schema 4's event hash, as it was written: length-prefixed fields, overrides only when present. */
    private static String schemaFourHash(String prev, long id, long at, String kind, Long model, Long target,
                                         Long version, Long from, Long to, String tagKey, String reason,
                                         String overrides) throws Exception {
        StringBuilder sb = new StringBuilder();
        Object[] fields = {prev, Long.toString(id), Long.toString(at), kind, model, target, version, from, to, tagKey,
            null, reason, "ana", "h"};
        for (Object f : fields) {
            sb.append(f == null ? "-1:" : f.toString().length() + ":" + f).append('|');
        }
        if (overrides != null) {
            sb.append(overrides.length()).append(':').append(overrides).append('|');
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String q(Object v) {
        return v == null ? "NULL" : "'" + v.toString().replace("'", "''") + "'";
    }
}

package dev.rewind.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.catalog.EventChain;
import dev.rewind.catalog.EventRecord;
import dev.rewind.domain.Actor;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.MetricGuard;
import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.RewindException;
import dev.rewind.service.DemoService;
import dev.rewind.service.Services;
import dev.rewind.support.Tamper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import dev.rewind.support.CatalogBackend;
import dev.rewind.support.PgSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tampering of issue 13 "What was seen", each done as an attacker with the files would, each named by verify. */
@ExtendWith(PgSandbox.class)
class TamperTest {
    private static final String M = "fraud-detector";

    @TempDir
    Path dir;
    Path db;
    /** Where the demo lives: a SQLite file, or for the tests that take a backend, the one they are given. */
    CatalogBackend backend = CatalogBackend.sqlite("demo.db");

    /** The SQLite demo of the tests that take no backend; the others make theirs with {@link #demoOn}. */
    @BeforeEach
    void demo(TestInfo test) {
        if (test.getTestMethod().orElseThrow().getParameterCount() == 0) {
            demoOn(backend);
        }
    }

    private void demoOn(CatalogBackend on) {
        backend = on;
        db = dir.resolve("demo.db");
        try (Services s = open()) {
            s.demo().create(DemoService.Scale.SMALL, 42);
        }
    }

    private Services open() {
        return new Services(backend.open(dir, true), new Actor("ana", "ana-laptop"), Clock.systemUTC());
    }

    private List<String> verify() {
        try (Services s = open()) {
            return s.verifier().verify(false).problems();
        }
    }

    private long id(String sql) throws Exception {
        return Long.parseLong(backend.one(dir, sql));
    }

    private long versionId(String label) throws Exception {
        return id("SELECT v.id FROM versions v JOIN models m ON m.id = v.model_id WHERE m.name = '" + M
                + "' AND v.label = '" + label + "'");
    }

    private long production() throws Exception {
        return id("SELECT t.id FROM targets t JOIN models m ON m.id = t.model_id WHERE m.name = '" + M
                + "' AND t.name = 'production'");
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void theUntouchedDemoVerifiesClean(CatalogBackend on) {
        demoOn(on);
        assertThat(verify()).isEmpty();
    }

    @Test
    void editedEventsWithEveryHashRecomputedAreNamedByTheirSignature() throws Exception {
        long e = id("SELECT id FROM events WHERE reason LIKE '+1.3 pt AUC%'");
        Tamper.withTriggersDropped(db, "UPDATE events SET reason = 'routine' WHERE id = " + e);
        Tamper.rechain(db, e);

        List<String> problems = verify();
        assertThat(problems).noneMatch(p -> p.contains("does not match its hash") || p.contains("does not follow"));
        assertThat(problems).anyMatch(p -> names(p, e) && p.contains("forged signature"));
    }

    @Test
    void aCorrectlyChainedForgedMoveAppendedWithTheTriggersOnIsNamed() throws Exception {
        List<EventRecord> events = Tamper.events(db);
        EventRecord last = events.get(events.size() - 1);
        long target = production();
        long to = versionId("1.0.0");
        long from = id("SELECT version_id FROM targets WHERE id = " + target);
        EventRecord forged = new EventRecord(last.id() + 1, last.at() + 1, EventKind.DEPLOY, last.modelId(), target,
                null, from, to, null, null, "hotfix", "bruno", "ana-laptop", last.hash(), null, null, null, null, null);
        String hash = EventChain.hash(forged);
        dev.rewind.support.CatalogDump.exec(db, "INSERT INTO events(id, at, kind, model_id, target_id, from_version_id,"
                + " to_version_id, reason, actor, host, prev_hash, hash) VALUES (" + forged.id() + ", " + forged.at()
                + ", 'deploy', " + forged.modelId() + ", " + target + ", " + from + ", " + to + ", 'hotfix', 'bruno',"
                + " 'ana-laptop', '" + last.hash() + "', '" + hash + "')",
                "UPDATE targets SET version_id = " + to + " WHERE id = " + target);

        assertThat(verify()).anyMatch(p -> p.startsWith("history: event " + forged.id() + " ") && p.contains("not signed"));
    }

    @Test
    void aForgedEventCarryingAnotherEventsSignatureIsNamed() throws Exception {
        List<EventRecord> events = Tamper.events(db);
        EventRecord last = events.get(events.size() - 1);
        EventRecord forged = new EventRecord(last.id() + 1, last.at() + 1, EventKind.TAG, last.modelId(), null,
                versionId("2.0.0"), null, null, "stable", null, "fine", last.actor(), last.host(), last.hash(),
                null, null, null, null, null);
        String hash = EventChain.hash(forged);
        dev.rewind.support.CatalogDump.exec(db, "INSERT INTO events(id, at, kind, model_id, version_id, tag_key, reason,"
                + " actor, host, prev_hash, hash, key_id, signature) VALUES (" + forged.id() + ", " + forged.at()
                + ", 'tag', " + forged.modelId() + ", " + forged.versionId() + ", 'stable', 'fine', '" + last.actor()
                + "', '" + last.host() + "', '" + last.hash() + "', '" + hash + "', '" + last.keyId() + "', '"
                + last.signature() + "')", "INSERT INTO version_tags VALUES (" + forged.versionId() + ", 'stable', NULL)");

        assertThat(verify()).anyMatch(p -> p.startsWith("history: event " + forged.id() + " ")
                && p.contains("forged signature"));
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void aSwappedArtifactChecksumIsNamedAndARollbackToItIsRefused(CatalogBackend on) throws Exception {
        demoOn(on);
        long old = versionId("1.0.0");
        backend.tamper(dir, "UPDATE versions SET artifact_sha256 = (SELECT artifact_sha256 FROM versions"
                + " WHERE id = " + old + "), artifact_size = (SELECT artifact_size FROM versions WHERE id = " + old
                + ") WHERE id = " + versionId("1.1.0"));

        assertThat(verify()).anyMatch(p -> p.startsWith("facts: version " + M + " 1.1.0 differs"));
        try (Services s = open()) {
            assertThatThrownBy(() -> s.deployments().rollback(MoveRequest.of(M, "production", "1.1.0")))
                    .isInstanceOf(RewindException.class).hasMessageContaining("fails verification")
                    .hasMessageContaining("1.1.0");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void aDeletedFailedTagIsNamedAndTheVersionStillNeedsTheOverride(CatalogBackend on) throws Exception {
        demoOn(on);
        String model = backend.one(dir, "SELECT m.name FROM version_tags t JOIN versions v ON v.id = t.version_id"
                + " JOIN models m ON m.id = v.model_id WHERE t.key = 'failed' ORDER BY v.id LIMIT 1");
        String label = backend.one(dir, "SELECT v.label FROM version_tags t JOIN versions v ON v.id = t.version_id"
                + " WHERE t.key = 'failed' ORDER BY v.id LIMIT 1");
        backend.sql(dir, "DELETE FROM version_tags WHERE key = 'failed'");

        try (Services s = open()) {
            assertThatThrownBy(() -> s.deployments().deploy(MoveRequest.of(model, "staging", label)))
                    .isInstanceOf(RewindException.class).hasMessageContaining("fails verification")
                    .hasMessageContaining("lacks tag failed");
        }
        assertThat(verify()).anyMatch(p -> p.startsWith("tags: version " + model + " " + label + " lacks tag failed"));
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void aTargetsProtectionOrGuardsRemovedBehindRewindsBackAreNamedAndMovesRefused(CatalogBackend on)
            throws Exception {
        demoOn(on);
        try (Services s = open()) {
            s.targetRules().guard(M, "production", List.of(new MetricGuard("auc", 0.99, null)), "only the best");
        }
        assertThat(verify()).isEmpty();
        long production = production();
        // without protection and guards, a move to production would need neither a reason nor an override
        backend.tamper(dir, "UPDATE targets SET protected = 0 WHERE id = " + production,
                "DELETE FROM target_guards WHERE target_id = " + production);

        try (Services s = open()) {
            assertThatThrownBy(() -> s.deployments().deploy(MoveRequest.of(M, "production", "1.0.0")))
                    .isInstanceOf(RewindException.class).hasMessageContaining("fails verification")
                    .hasMessageContaining("target production differs");
        }
        assertThat(verify()).anyMatch(p -> p.startsWith("facts: target production of " + M + " differs from what"
                + " event ") && p.contains("protection, metric guards"));
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void aChangedMetricValueIsNamed(CatalogBackend on) throws Exception {
        demoOn(on);
        backend.tamper(dir, "UPDATE metrics SET value = 0.9250000000000001 WHERE key = 'auc' AND step IS NULL"
                + " AND version_id = " + versionId("1.1.0"));

        assertThat(verify()).anyMatch(p -> p.startsWith("facts: version " + M + " 1.1.0 differs"));
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void deletedNewestEventsAreNamedByTheHeadFile(CatalogBackend on) throws Exception {
        demoOn(on);
        long newest = id("SELECT max(id) FROM events");
        backend.tamper(dir, "DELETE FROM pending_switches", "DELETE FROM events WHERE id > " + (newest - 3));
        String head;
        try (Services s = open()) {
            head = s.location().getFileName() + ".head";
        }

        assertThat(verify()).anyMatch(p -> p.startsWith("witness: ") && p.contains(head)
                && p.contains("records event " + newest) && p.contains("newest events were deleted"));
    }

    @Test
    void aChainRewrittenAndResignedWithNewKeysIsNamedByTheHeadFile() throws Exception {
        long e = id("SELECT id FROM events WHERE reason LIKE '+1.3 pt AUC%'");
        Tamper.withTriggersDropped(db, "UPDATE events SET reason = 'routine' WHERE id = " + e);
        Tamper.rechain(db, e);
        // the attacker has no one's private key, so makes a key per actor and signs the rewritten events
        Map<String, KeyPair> keys = new HashMap<>();
        List<String> sql = new ArrayList<>();
        for (EventRecord r : Tamper.events(db)) {
            if (r.id() < e) {
                continue;
            }
            KeyPair kp = keys.computeIfAbsent(r.actor(), a -> generate());
            byte[] pub = kp.getPublic().getEncoded();
            String keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pub));
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(kp.getPrivate());
            s.update(r.hash().getBytes(StandardCharsets.UTF_8));
            sql.add("INSERT OR IGNORE INTO keys VALUES ('" + keyId + "', '" + r.actor() + "', '"
                    + Base64.getEncoder().encodeToString(pub) + "', " + r.at() + ")");
            sql.add("UPDATE events SET key_id = '" + keyId + "', signature = '"
                    + Base64.getEncoder().encodeToString(s.sign()) + "' WHERE id = " + r.id());
        }
        Tamper.withTriggersDropped(db, sql.toArray(String[]::new));

        List<String> problems = verify();
        assertThat(problems).noneMatch(p -> p.startsWith("history:"));
        assertThat(problems).anyMatch(p -> p.startsWith("witness: ") && p.contains("demo.db.head")
                && p.contains("the history was rewritten"));
    }

    @Test
    void afterAFailedVerifyEveryMoveIsRefusedUntilVerifyIsClean() throws Exception {
        Tamper.withTriggersDropped(db, "UPDATE metrics SET value = 0.5 WHERE key = 'auc' AND step IS NULL"
                + " AND version_id = " + versionId("1.0.0"));
        assertThat(verify()).isNotEmpty();

        try (Services s = open()) {
            assertThatThrownBy(() -> s.deployments().deploy(MoveRequest.of(M, "staging", "1.1.0")))
                    .isInstanceOf(RewindException.class).hasMessageContaining("the last 'rewind verify' found")
                    .hasMessageContaining("1.0.0");
        }
    }

    /** Whether a problem names event {@code id}: itself, or a range of events one signature seals. */
    static boolean names(String problem, long id) {
        if (problem.startsWith("history: event " + id + " ")) {
            return true;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("seals events (\\d+)-(\\d+)").matcher(problem);
        return m.find() && Long.parseLong(m.group(1)) <= id && id <= Long.parseLong(m.group(2));
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

package dev.rewind.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.catalog.EventRecord;
import dev.rewind.domain.CheckResult;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.MoveProof;
import dev.rewind.domain.TargetCheck;
import dev.rewind.support.CatalogDump;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration 4 adds targets' post-switch checks and moves' proofs to a catalog of schema 3, keeping its data. */
class ProofsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aSchemaThreeCatalogGainsChecksAndAppendOnlyProofs() throws Exception {
        Path db = dir.resolve("c.db");
        long[] ids = new long[2];
        try (SqliteCatalog c = SqliteCatalog.open(db, true)) {
            c.write(tx -> {
                long model = tx.models().insert("m", Instant.EPOCH);
                ids[0] = tx.targets().insert(model, "production", null);
                ids[1] = tx.events().append(EventRecord.draft(1, EventKind.TARGET, model, ids[0], null, null, null,
                        null, null, null, "a", "h")).id();
                return null;
            });
        }
        List<String> toSchemaThree = new ArrayList<>(CatalogDump.WITHOUT_CHAIN);
        toSchemaThree.addAll(List.of("DROP TABLE target_checks", "DROP TABLE move_proofs", "PRAGMA user_version = 3"));
        CatalogDump.exec(db, toSchemaThree.toArray(String[]::new));
        String before = CatalogDump.of(db);
        try (SqliteCatalog c = SqliteCatalog.open(db, false)) {
            c.write(tx -> {
                tx.proofs().setCheck(ids[0], new TargetCheck("curl -fs localhost/health", Duration.ofSeconds(5)));
                tx.proofs().record(ids[1], 2, new MoveProof(true, "current → abc", new CheckResult("x",
                        CheckResult.Outcome.TIMED_OUT, -1, "no answer")));
                return null;
            });
            java.util.Optional<TargetCheck> check = c.read(tx -> tx.proofs().check(ids[0]));
            assertThat(check).contains(
                    new TargetCheck("curl -fs localhost/health", Duration.ofSeconds(5)));
            assertThat(c.read(tx -> tx.proofs().ofModel("m")).get(ids[1]).check().outcome())
                    .isEqualTo(CheckResult.Outcome.TIMED_OUT);
        }
        // the events are kept as they were (migration 5 adds empty columns after theirs)
        List<String> oldEvents = CatalogDump.rows(before, "events");
        List<String> newEvents = CatalogDump.rows(CatalogDump.of(db), "events");
        assertThat(newEvents).hasSameSizeAs(oldEvents).isNotEmpty();
        for (int i = 0; i < oldEvents.size(); i++) {
            assertThat(newEvents.get(i)).startsWith(oldEvents.get(i));
        }
        assertThatThrownBy(() -> CatalogDump.exec(db, "UPDATE move_proofs SET verified = 0"))
                .hasMessageContaining("proof cannot change");
        assertThatThrownBy(() -> CatalogDump.exec(db, "DELETE FROM move_proofs"))
                .hasMessageContaining("proof cannot be deleted");
    }
}

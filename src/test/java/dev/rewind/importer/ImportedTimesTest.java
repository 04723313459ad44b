package dev.rewind.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.domain.Event;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.Lane;
import dev.rewind.importer.mlflow.MlflowReader;
import dev.rewind.service.HistoryService;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.Fixture;
import dev.rewind.support.Tamper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Positions observed at an MLflow import are drawn at the best time MLflow has (the version's last update), marked
 * approximate, while the import event keeps the time it was recorded; the hash chain covers the drawn time.
 */
class ImportedTimesTest {
    static final Path KARIMLULU = SamplesImportTest.SAMPLES.resolve("db-karimlulu-bd07/02-experiment-tracking/mlflow.db");

    @TempDir
    Path dir;

    @Test
    void anObservedStageIsDrawnAtTheVersionsLastUpdateAndTheEventKeepsTheImportTime() throws Exception {
        Path db = MlflowFixtures.db(dir, MlflowFixtures.Generation.ALIASES);
        long updated = 1_650_000_000_000L;
        CatalogDump.exec(db, "UPDATE model_versions SET last_updated_time = " + updated + " WHERE version = 3");
        try (Fixture f = new Fixture(dir)) {
            Instant before = Instant.now();
            f.services.importer().importMlflow(db, null, MlflowReader.Progress.NONE);
            Event observed = f.services.history().history(MlflowFixtures.MODEL, "production").get(0);
            assertThat(observed.kind()).isEqualTo(EventKind.IMPORT);
            assertThat(observed.at()).as("recorded when imported").isAfterOrEqualTo(before.minusSeconds(1));
            assertThat(observed.effectiveAt()).isEqualTo(Instant.ofEpochMilli(updated));
            assertThat(observed.reason()).contains("observed at import").contains("time approximate");

            Lane production = lane(f, "production");
            assertThat(production.segments()).hasSize(1);
            assertThat(production.segments().get(0).from()).isEqualTo(Instant.ofEpochMilli(updated));
            assertThat(production.segments().get(0).approximate()).isTrue();

            HistoryService h = f.services.history();
            assertThat(h.targetsAt(MlflowFixtures.MODEL, Instant.ofEpochMilli(updated + 1000)))
                    .filteredOn(t -> t.target().equals("production")).extracting(HistoryService.TargetAt::version)
                    .containsExactly("3");
            assertThat(h.targetsAt(MlflowFixtures.MODEL, Instant.ofEpochMilli(updated - 1000)))
                    .filteredOn(t -> t.target().equals("production")).extracting(HistoryService.TargetAt::version)
                    .containsOnlyNulls();
            assertThat(f.services.verifier().verify(false).problems()).isEmpty();
        }
    }

    @Test
    void theDrawnTimeIsCoveredByTheChain() throws Exception {
        Path db = MlflowFixtures.db(dir, MlflowFixtures.Generation.ALIASES);
        try (Fixture f = new Fixture(dir)) {
            f.services.importer().importMlflow(db, null, MlflowReader.Progress.NONE);
        }
        Path catalog = dir.resolve("catalog.db");
        assertThat(Tamper.one(catalog, "SELECT count(*) FROM events WHERE effective_at IS NOT NULL")).isNotEqualTo("0");
        assertThatThrownBy(() -> CatalogDump.exec(catalog, "UPDATE events SET effective_at = 0 WHERE effective_at IS NOT NULL"))
                .hasMessageContaining("append-only");
        Tamper.withTriggersDropped(catalog, "UPDATE events SET effective_at = effective_at - 86400000"
                + " WHERE effective_at IS NOT NULL");
        try (Fixture f = new Fixture.Reopened(catalog).fixture()) {
            assertThat(f.services.verifier().verify(false).problems()).isNotEmpty();
        }
    }

    /** The store from the issue: 2022 versions in Production and Staging, lanes empty before this fix. */
    @Test
    void aRealStoreFrom2022DrawsItsLanesIn2022() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(KARIMLULU), "samples folder absent");
        Path copy = Files.copy(KARIMLULU, dir.resolve("mlflow.db"));
        long production = Long.parseLong(Tamper.one(copy, "SELECT last_updated_time FROM model_versions"
                + " WHERE current_stage = 'Production' ORDER BY version DESC LIMIT 1"));
        String model = Tamper.one(copy, "SELECT name FROM model_versions WHERE current_stage = 'Production'");
        try (Fixture f = new Fixture(dir)) {
            f.services.importer().importMlflow(copy, null, MlflowReader.Progress.NONE);
            Lane lane = lane(f, model, "production");
            assertThat(lane.segments().get(0).from()).isEqualTo(Instant.ofEpochMilli(production));
            assertThat(lane.segments().get(0).from()).isBefore(Instant.parse("2023-01-01T00:00:00Z"));
            assertThat(f.services.history().targetsAt(model, Instant.parse("2023-01-01T00:00:00Z")))
                    .filteredOn(t -> t.target().equals("production")).extracting(HistoryService.TargetAt::version)
                    .doesNotContainNull();
        }
    }

    private static Lane lane(Fixture f, String target) {
        return lane(f, MlflowFixtures.MODEL, target);
    }

    private static Lane lane(Fixture f, String model, String target) {
        return f.services.history().lanes(model).stream().filter(l -> l.target().equals(target)).findFirst()
                .orElseThrow();
    }
}

package dev.rewind.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.domain.Event;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.MetricValue;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;
import dev.rewind.importer.mlflow.MlflowReader;
import dev.rewind.service.ImportService;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import dev.rewind.support.Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MlflowImportTest {
    @TempDir
    Path dir;

    private ImportService.Report importInto(Fixture f, Path source) {
        return f.services.importer().importMlflow(source, null, MlflowReader.Progress.NONE);
    }

    @ParameterizedTest
    @EnumSource(MlflowFixtures.Generation.class)
    void everySchemaGenerationImports(MlflowFixtures.Generation g) throws Exception {
        Path db = MlflowFixtures.db(dir, g);
        byte[] source = Files.readAllBytes(db);
        try (Fixture f = new Fixture(dir)) {
            ImportService.Report r = importInto(f, db);
            assertThat(r.versionsAdded()).as("Deleted_Internal is skipped").isEqualTo(3);
            List<Version> vs = f.services.registry().versions(MlflowFixtures.MODEL);
            assertThat(vs).extracting(Version::label).containsExactly("1", "2", "3");
            Version v2 = vs.get(1);
            assertThat(v2.metrics().get("auc")).isCloseTo(0.86, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(v2.metrics().get("loss")).as("is_nan=1 is NaN").isNaN();
            assertThat(v2.params()).containsEntry("model/depth", "6");
            assertThat(v2.sourceRun()).isEqualTo(MlflowFixtures.RUN2);
            Version v3 = vs.get(2);
            assertThat(v3.sourceRun()).as("empty run_id: taken from the source URI").isEqualTo(MlflowFixtures.RUN3);
            assertThat(v3.metrics().get("loss")).as("1.797e308 is +inf").isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(v3.author()).isEqualTo("ana");
            List<MetricValue> curve = f.services.registry().curve(MlflowFixtures.MODEL, "2", "auc");
            assertThat(curve).extracting(MetricValue::step).containsExactly(0L, 1L, 2L);
            assertThat(live(f, "production")).as("stage Production → production target").isEqualTo("3");
            if (g.ordinal() >= MlflowFixtures.Generation.ALIASES.ordinal()) {
                assertThat(live(f, "champion")).isEqualTo("2");
            }
            if (g != MlflowFixtures.Generation.OLDEST) {
                assertThat(v2.tags()).containsEntry("validated", "yes");
            }
            Event observed = f.services.history().history(MlflowFixtures.MODEL, "production").get(0);
            assertThat(observed.kind()).isEqualTo(EventKind.IMPORT);
            assertThat(observed.reason()).contains("observed at import");
            assertThat(f.services.verifier().verify(false).problems()).isEmpty();
        }
        assertThat(Files.readAllBytes(db)).as("the source is never written").isEqualTo(source);
    }

    @Test
    void reimportIsIdempotentAndRecordsNewAliasPositions() throws Exception {
        Path db = MlflowFixtures.db(dir, MlflowFixtures.Generation.STORAGE_LOCATION);
        try (Fixture f = new Fixture(dir)) {
            importInto(f, db);
            String before = CatalogDump.of(f.db);
            ImportService.Report again = importInto(f, db);
            assertThat(again.versionsAdded()).isZero();
            assertThat(again.versionsAlreadyThere()).isEqualTo(3);
            assertThat(CatalogDump.of(f.db)).isEqualTo(before);
            CatalogDump.exec(db, "UPDATE registered_model_aliases SET version = 3 WHERE alias = 'champion'");
            ImportService.Report moved = importInto(f, db);
            assertThat(moved.targetsMoved()).isEqualTo(1);
            assertThat(live(f, "champion")).isEqualTo("3");
            assertThat(f.services.history().history(MlflowFixtures.MODEL, "champion")).filteredOn(e -> e.kind() == EventKind.IMPORT)
                    .extracting(Event::toVersion).containsExactly("3", "2");
        }
    }

    @Test
    void fileStoreImportsWithNanInfLegacyLinesNestedKeysAndAliases() throws Exception {
        Path root = MlflowFixtures.mlruns(dir);
        try (Fixture f = new Fixture(dir)) {
            ImportService.Report r = importInto(f, root);
            assertThat(r.versionsAdded()).isEqualTo(2);
            List<Version> vs = f.services.registry().versions("churn");
            assertThat(vs).extracting(Version::label).containsExactly("1", "2");
            assertThat(vs.get(0).metrics().get("loss")).isNaN();
            assertThat(vs.get(1).metrics().get("loss")).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(vs.get(1).metrics().get("auc")).as("latest = max by (step, timestamp)").isEqualTo(0.88);
            assertThat(vs.get(1).params()).containsEntry("model/depth", "6").containsEntry("lr", "0.1");
            assertThat(vs.get(1).tags()).containsEntry("reviewed", "true");
            assertThat(f.services.registry().curve("churn", "2", "auc")).hasSize(3);
            assertThat(live(f, "prod")).isEqualTo("2");
            assertThat(live(f, "production")).isEqualTo("2");
        }
    }

    @Test
    void runsCanBeImportedAsVersions() throws Exception {
        Path db = MlflowFixtures.db(dir, MlflowFixtures.Generation.ALIASES);
        try (Fixture f = new Fixture(dir)) {
            f.services.importer().importMlflow(db, "fraud-exp", MlflowReader.Progress.NONE);
            assertThat(f.services.registry().versions("fraud-exp")).extracting(Version::label)
                    .containsExactly("first-run", "second-run", "third-run");
            assertThatThrownBy(() -> f.services.importer().importMlflow(db, "nope", MlflowReader.Progress.NONE))
                    .hasMessageContaining("no experiment named 'nope'");
        }
    }

    @Test
    void malformedSourcesAreRefusedNamingTheProblemAndNothingIsWritten() throws Exception {
        Path good = MlflowFixtures.db(dir, MlflowFixtures.Generation.ALIASES);
        Path truncated = dir.resolve("truncated.db");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 3));
        Path foreign = dir.resolve("foreign.db");
        CatalogDump.exec(foreign, "CREATE TABLE notes (t TEXT)");
        Path text = Files.writeString(dir.resolve("text.db"), "not a database at all, just some text".repeat(20));

        Path brokenYaml = MlflowFixtures.mlruns(Files.createDirectories(dir.resolve("broken-yaml")));
        Files.writeString(brokenYaml.resolve("models/churn/version-1/meta.yaml"), "version: [1\nname: churn\n");
        Path badLine = MlflowFixtures.mlruns(Files.createDirectories(dir.resolve("bad-line")));
        Files.writeString(badLine.resolve("0/" + MlflowFixtures.RUN1 + "/metrics/auc"), "1700000000000 0.8 0\nhello world\n");
        Path loop = MlflowFixtures.mlruns(Files.createDirectories(dir.resolve("loop")));
        Files.createSymbolicLink(loop.resolve("0/" + MlflowFixtures.RUN1 + "/params/model/again"),
                loop.resolve("0/" + MlflowFixtures.RUN1 + "/params"));
        Path notStore = Files.createDirectories(dir.resolve("empty-folder"));

        try (Fixture f = new Fixture(dir)) {
            String before = CatalogDump.of(f.db);
            Object[][] cases = {
                {truncated, "truncated.db"},
                {foreign, "not an MLflow store (no alembic_version table)"},
                {text, "not a SQLite database"},
                {brokenYaml, "models/churn/version-1/meta.yaml is not valid YAML (line 2"},
                {badLine, "metrics/auc line 2 is not 'timestamp value [step]': 'hello world'"},
                {loop, "loops back"},
                {notStore, "not an MLflow store"},
                {dir.resolve("missing.db"), "does not exist"},
            };
            for (Object[] c : cases) {
                RewindException e = org.junit.jupiter.api.Assertions.assertThrows(RewindException.class,
                        () -> importInto(f, (Path) c[0]), String.valueOf(c[0]));
                assertThat(e.getMessage()).as(String.valueOf(c[0])).contains((String) c[1]).startsWith("cannot import");
                assertThat(e.exitCode()).isEqualTo(2);
                assertThat(CatalogDump.of(f.db)).as(String.valueOf(c[0])).isEqualTo(before);
            }
        }
    }

    @Test
    void aClashWithAVersionFromElsewhereImportsNothing() throws Exception {
        Path db = MlflowFixtures.db(dir, MlflowFixtures.Generation.ALIASES);
        try (Fixture f = new Fixture(dir)) {
            Path art = Files.writeString(dir.resolve("x.bin"), "x");
            new CliRun(f.db).run("register", MlflowFixtures.MODEL, "2", "--artifact", art.toString());
            String before = CatalogDump.of(f.db);
            assertThatThrownBy(() -> importInto(f, db)).hasMessageContaining("already has " + MlflowFixtures.MODEL + " 2")
                    .hasMessageContaining("nothing was imported");
            assertThat(CatalogDump.of(f.db)).isEqualTo(before);
        }
    }

    @Test
    void cancellingImportsNothing() throws Exception {
        Path db = MlflowFixtures.db(dir, MlflowFixtures.Generation.ALIASES);
        try (Fixture f = new Fixture(dir)) {
            String before = CatalogDump.of(f.db);
            MlflowReader.Progress cancelAtOnce = new MlflowReader.Progress() {
                @Override
                public void report(String what, long done, long total) {
                }

                @Override
                public boolean cancelled() {
                    return true;
                }
            };
            assertThatThrownBy(() -> f.services.importer().importMlflow(db, null, cancelAtOnce))
                    .hasMessageContaining("cancelled; nothing was imported");
            assertThat(CatalogDump.of(f.db)).isEqualTo(before);
        }
    }

    @Test
    void cancellingWhileRunsAreWrittenImportsNothingAndStopsTheReadAhead() throws Exception {
        Path db = MlflowDbGenerator.generate(dir.resolve("gen"), 40, 3, 50, 1);
        try (Fixture f = new Fixture(dir)) {
            String before = CatalogDump.of(f.db);
            java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
            MlflowReader.Progress cancelAfterFive = new MlflowReader.Progress() {
                @Override
                public void report(String what, long done, long total) {
                    if (what.equals("versions")) {
                        written.set(done);
                    }
                }

                @Override
                public boolean cancelled() {
                    return written.get() >= 5;
                }
            };
            assertThatThrownBy(() -> f.services.importer().importMlflow(db, null, cancelAfterFive))
                    .hasMessageContaining("cancelled; nothing was imported");
            assertThat(written.get()).as("the cancel came while runs were being written").isBetween(5L, 39L);
            assertThat(CatalogDump.of(f.db)).isEqualTo(before);
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("mlflow-read-ahead"));
        }
    }

    @Test
    void cliImportsAndReportsJson() throws Exception {
        Path root = MlflowFixtures.mlruns(dir);
        CliRun cli = new CliRun(dir.resolve("cli.db"));
        var r = cli.run("import", "mlflow", root.toString(), "--json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"versionsAdded\" : 2");
        var bad = cli.run("import", "mlflow", dir.resolve("nothing-here").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("rewind: cannot import").contains("does not exist");
    }

    private static String live(Fixture f, String target) {
        return f.services.deployments().targets(MlflowFixtures.MODEL.equals(target) ? target : null).stream()
                .filter(t -> t.name().equals(target)).map(t -> t.liveVersion()).findFirst().orElse(null);
    }
}

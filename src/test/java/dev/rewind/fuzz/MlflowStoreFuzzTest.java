package dev.rewind.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.importer.MlflowFixturesAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutants of MLflow stores imported in-process, each into a fresh catalog: the real stores under
 * ../shared/samples when that folder is there (≥ 200 mutants), and always a small mlflow.db and mlruns/ built
 * here, so CI without the samples still fuzzes. What every import owes is checked by {@link MutantImports}. The
 * seed is printed; rerun one with {@code -Dfuzz.seed=N}.
 */
class MlflowStoreFuzzTest {
    static final Path SAMPLES = Path.of("..", "shared", "samples");
    private static final long SEED = Long.getLong("fuzz.seed", 42);
    private static final int SAMPLE_MUTANTS = 216;
    private static final int FIXTURE_MUTANTS_EACH = 36;
    private static final int HEAVY_MUTANTS = 14;

    @TempDir
    Path dir;

    @Test
    void mutantsOfTheFixtureStoresImportOrAreRefusedCleanly() throws Exception {
        Path db = MlflowFixturesAccess.db(Files.createDirectories(dir.resolve("fixture-db")));
        Path mlruns = MlflowFixturesAccess.mlruns(Files.createDirectories(dir.resolve("fixture-fs")));
        // a version whose artifact lies inside the store, so hashing inside and refusing to hash outside both run
        Path run = mlruns.resolve("0/11111111111111111111111111111111/artifacts/model");
        Files.writeString(Files.createDirectories(run).resolve("weights.bin"), "weights");
        MutantImports imports = new MutantImports(Files.createDirectories(dir.resolve("work")));
        Random random = new Random(SEED);
        assertThat(imports.check(dbMutant(imports, db, -1, random))).as("the fixture mlflow.db imports").isTrue();
        assertThat(imports.check(fsMutant(imports, mlruns, -1, random))).as("the fixture mlruns/ imports").isTrue();
        Outcomes outcomes = new Outcomes();
        for (int i = 0; i < FIXTURE_MUTANTS_EACH; i++) {
            outcomes.check(imports, dbMutant(imports, db, i, random));
            outcomes.check(imports, fsMutant(imports, mlruns, i, random));
        }
        System.out.printf("mlflow-store fuzz: %d mutants from 2 fixture stores (seed %d): %d refused cleanly, %d"
                + " imported%n", outcomes.total(), SEED, outcomes.refused, outcomes.imported);
        outcomes.assertClean();
        assertThat(outcomes.total()).isGreaterThanOrEqualTo(60);
        assertThat(outcomes.refused).as("the damage is real: many mutants are refused").isGreaterThan(outcomes.total() / 3);
    }

    @Test
    void mutantsOfTheSampleStoresImportOrAreRefusedCleanly() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SAMPLES), "../shared/samples is not here");
        List<Path> stores = sampleStores();
        Assumptions.assumeFalse(stores.isEmpty(), "no MLflow store under ../shared/samples");
        MutantImports imports = new MutantImports(Files.createDirectories(dir.resolve("work")));
        Random random = new Random(SEED);
        long heavy = stores.stream().filter(MlflowStoreFuzzTest::heavy).count();
        // a store of many files costs several times more to copy, fingerprint and delete: it gets fewer mutants
        int perLight = (int) ((SAMPLE_MUTANTS - HEAVY_MUTANTS * heavy + stores.size() - heavy - 1)
                / Math.max(1, stores.size() - heavy));
        Outcomes outcomes = new Outcomes();
        for (Path store : stores) {
            boolean dbStore = !Files.isDirectory(store);
            boolean originalImports = imports.check(dbStore ? dbMutant(imports, store, -1, random)
                    : fsMutant(imports, store, -1, random));
            int n = heavy(store) ? HEAVY_MUTANTS : perLight;
            for (int i = 0; i < n; i++) {
                int kind = n >= MlrunsMutants.KINDS ? i : i * MlrunsMutants.KINDS / n; // fewer mutants: spread kinds
                Mutant m = dbStore ? dbMutant(imports, store, kind, random) : fsMutant(imports, store, kind, random);
                outcomes.check(imports, m.given(originalImports));
            }
        }
        System.out.printf("mlflow-store fuzz: %d mutants from %d sample stores (seed %d): %d refused cleanly, %d"
                + " imported%n", outcomes.total(), stores.size(), SEED, outcomes.refused, outcomes.imported);
        outcomes.assertClean();
        assertThat(outcomes.total()).isGreaterThanOrEqualTo(200);
        assertThat(outcomes.refused).as("the damage is real: many mutants are refused").isGreaterThan(outcomes.total() / 3);
    }

    /** Counts, and every mutant that failed its checks (all are run, so one run names every problem). */
    private static final class Outcomes {
        int refused;
        int imported;
        final List<String> failures = new ArrayList<>();

        void check(MutantImports imports, Mutant m) throws Exception {
            try {
                if (imports.check(m)) {
                    imported++;
                } else {
                    refused++;
                }
            } catch (AssertionError e) {
                Throwable cause = e.getCause();
                StackTraceElement[] at = cause == null ? new StackTraceElement[0] : cause.getStackTrace();
                failures.add(e.getMessage() + (at.length == 0 ? "" : " [at " + at[0] + "]"));
            }
        }

        int total() {
            return refused + imported + failures.size();
        }

        void assertClean() {
            assertThat(failures).as("mutants that broke a rule").isEmpty();
        }
    }

    /** Mutant {@code i} of an mlflow.db; a negative {@code i} is the undamaged copy. */
    private static Mutant dbMutant(MutantImports imports, Path db, int i, Random random) throws Exception {
        Path folder = imports.nextFolder();
        if (i < 0) {
            StoreTree.copy(db, folder.resolve("mlflow.db"));
            return new Mutant("mlflow.db undamaged", folder.resolve("mlflow.db"), folder, Mutant.Expect.EITHER);
        }
        return MlflowDbMutants.make(db, folder, i, random);
    }

    private static Mutant fsMutant(MutantImports imports, Path mlruns, int i, Random random) throws Exception {
        Path folder = imports.nextFolder();
        if (i < 0) {
            StoreTree.copy(mlruns, folder.resolve("mlruns"));
            return new Mutant("mlruns undamaged", folder.resolve("mlruns"), folder.resolve("mlruns"),
                    Mutant.Expect.EITHER);
        }
        return MlrunsMutants.make(mlruns, folder, i, random);
    }

    private static boolean heavy(Path store) {
        try (Stream<Path> s = Files.walk(store)) {
            return s.count() > 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Each mlflow.db, and each mlruns/ folder that is a store of its own (not the artifacts of an mlflow.db). */
    static List<Path> sampleStores() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(SAMPLES, 4)) {
            s.filter(p -> p.getFileName().toString().equals("mlflow.db") || p.getFileName().toString().equals("mlruns")
                    && Files.isDirectory(p) && !Files.exists(p.resolve("mlflow.db"))
                    && !Files.exists(p.resolveSibling("mlflow.db"))).sorted().forEach(out::add);
        }
        return out;
    }
}

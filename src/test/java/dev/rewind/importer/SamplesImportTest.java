package dev.rewind.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.importer.mlflow.MlflowReader;
import dev.rewind.importer.mlflow.MlrunsReader;
import dev.rewind.importer.mlflow.RunIds;
import dev.rewind.service.ImportService;
import dev.rewind.support.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real store under ../shared/samples (when that folder is there): the imported counts of models, versions,
 * aliases and metric values equal what a direct query (mlflow.db) or scan (mlruns/) of the source gives.
 */
class SamplesImportTest {
    static final Path SAMPLES = Path.of("..", "shared", "samples");

    @TempDir
    Path dir;

    static List<Path> stores() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(SAMPLES)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(SAMPLES, 4)) {
            s.filter(p -> p.getFileName().toString().equals("mlflow.db")
                    || p.getFileName().toString().equals("mlruns") && MlrunsReader.looksLikeMlruns(p)
                    && !Files.exists(p.resolve("mlflow.db"))).sorted().forEach(out::add);
        }
        return out;
    }

    @ParameterizedTest(allowZeroInvocations = true) // the samples folder is optional
    @MethodSource("stores")
    void importedCountsEqualTheSource(Path store) throws Exception {
        Assumptions.assumeTrue(Files.exists(store));
        Expected e = Files.isDirectory(store) ? scan(store) : query(store);
        try (Fixture f = new Fixture(dir)) {
            ImportService.Report r = f.services.importer().importMlflow(store, null, MlflowReader.Progress.NONE);
            assertThat(r.models()).as("models").isEqualTo(e.models);
            assertThat(r.versionsAdded()).as("versions").isEqualTo(e.versions);
            long aliasTargets = f.catalog.read(tx -> tx.models().list()).stream()
                    .flatMap(m -> f.services.history().history(m.name(), null).stream())
                    .filter(ev -> ev.reason() != null && ev.reason().startsWith("observed at import: MLflow alias ")).count();
            assertThat(aliasTargets).as("aliases").isEqualTo(e.aliases);
            long steps = countSteps(f.db);
            assertThat(steps).as("metric values").isEqualTo(e.metricValues);
            assertThat(f.services.verifier().verify(false).problems()).isEmpty();
            System.out.printf("sample %s: %d models, %d versions, %d aliases, %d metric values%n", store, e.models,
                    e.versions, e.aliases, e.metricValues);
        }
    }

    private record Expected(int models, int versions, long aliases, long metricValues) {
    }

    private static Expected query(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db.toAbsolutePath() + "?mode=ro");
             Statement st = c.createStatement()) {
            int models = count(st, "SELECT count(*) FROM registered_models");
            int versions = count(st, "SELECT count(*) FROM model_versions WHERE coalesce(current_stage, '') <> 'Deleted_Internal'");
            long aliases = hasTable(st, "registered_model_aliases")
                    ? count(st, "SELECT count(*) FROM registered_model_aliases") : 0;
            long values = 0;
            List<String[]> vs = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT run_id, source FROM model_versions "
                    + "WHERE coalesce(current_stage, '') <> 'Deleted_Internal'")) {
                while (rs.next()) {
                    vs.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] v : vs) {
                String run = RunIds.resolve(v[0], v[1], null);
                long n = run == null ? 0 : count(st, "SELECT count(*) FROM metrics WHERE run_uuid = '" + run + "'");
                String logged = RunIds.loggedModelId(v[1]);
                if (n == 0 && logged != null && hasTable(st, "logged_model_metrics")
                        && count(st, "SELECT count(*) FROM runs WHERE run_uuid = '" + run + "'") > 0) {
                    n = count(st, "SELECT count(*) FROM logged_model_metrics WHERE model_id = '" + logged + "'");
                }
                values += n;
            }
            return new Expected(models, versions, aliases, values);
        }
    }

    private static Expected scan(Path root) throws IOException {
        int models = 0;
        int versions = 0;
        long aliases = 0;
        long values = 0;
        Path registry = root.resolve("models");
        if (Files.isDirectory(registry)) {
            try (Stream<Path> ms = Files.list(registry)) {
                for (Path m : ms.filter(Files::isDirectory).toList()) {
                    models++;
                    if (Files.isDirectory(m.resolve("aliases"))) {
                        try (Stream<Path> a = Files.list(m.resolve("aliases"))) {
                            aliases += a.count();
                        }
                    }
                    try (Stream<Path> vs = Files.list(m)) {
                        for (Path v : vs.filter(p -> p.getFileName().toString().startsWith("version-")).toList()) {
                            String meta = Files.readString(v.resolve("meta.yaml"));
                            if (meta.contains("Deleted_Internal")) {
                                continue;
                            }
                            versions++;
                            String run = meta.lines().filter(l -> l.startsWith("run_id:")).map(l -> l.substring(7).strip())
                                    .findFirst().orElse("");
                            values += metricLines(root, run);
                        }
                    }
                }
            }
        }
        return new Expected(models, versions, aliases, values);
    }

    private static long metricLines(Path root, String run) throws IOException {
        if (run.isEmpty()) {
            return 0;
        }
        try (Stream<Path> exps = Files.list(root)) {
            for (Path exp : exps.toList()) {
                Path metrics = exp.resolve(run).resolve("metrics");
                if (Files.isDirectory(metrics)) {
                    long n = 0;
                    try (Stream<Path> files = Files.walk(metrics)) {
                        for (Path f : files.filter(Files::isRegularFile).toList()) {
                            n += Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count();
                        }
                    }
                    return n;
                }
            }
        }
        return 0;
    }

    private static long countSteps(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro"); Statement st = c.createStatement()) {
            return count(st, "SELECT count(*) FROM metrics WHERE step IS NOT NULL");
        }
    }

    private static boolean hasTable(Statement st, String t) throws SQLException {
        return count(st, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + t + "'") > 0;
    }

    private static int count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}

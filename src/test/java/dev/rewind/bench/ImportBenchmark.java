package dev.rewind.bench;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.importer.ImportInSmallHeap;
import dev.rewind.importer.MlflowDbGenerator;
import dev.rewind.importer.MlrunsGenerator;
import dev.rewind.importer.mlflow.MlflowReader;
import dev.rewind.service.ImportService;
import dev.rewind.service.Services;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures for issues 6 and 14: {@code mvn test -Pbench -Dtest=ImportBenchmark} (scale with -Dimport.runs, default
 * 10,000 runs x 20 metrics x 100 steps) and the largest sample store. Prints, never asserts on time.
 */
@Tag("benchmark")
class ImportBenchmark {
    private static final int METRICS = 20;
    private static final int STEPS = 100;

    @TempDir
    Path dir;

    /**
     * Issue 14: an mlflow.db of RUNS x 20 x 100 imported by a child JVM with -Xmx512m, its rows per second next to a
     * raw SQLite batch insert of the same rows into the catalog's metrics table (same schema, index, WAL and
     * synchronous=FULL, one transaction), also in a child JVM with -Xmx512m, in the same run.
     */
    @Test
    void generatedMlflowDbAgainstRawInsert() throws Exception {
        int runs = Integer.getInteger("import.runs", 10_000);
        long g0 = System.nanoTime();
        Path store = MlflowDbGenerator.generate(dir.resolve("store"), runs, METRICS, STEPS, 1);
        System.out.printf("generated mlflow.db of %d runs x %d metrics x %d steps in %.1f s (%.0f MB)%n", runs, METRICS,
                STEPS, (System.nanoTime() - g0) / 1e9, Files.size(store) / 1e6);
        long rows = (long) runs * METRICS * (STEPS + 1);
        String raw = child(RawInsert.class, Integer.toString(runs), dir.resolve("raw.db").toString());
        String imported = child(ImportInSmallHeap.class, store.toString(), dir.resolve("imported.db").toString());
        long rawMs = millis(raw);
        long importMs = millis(imported);
        System.out.println("raw insert (-Xmx512m): " + raw);
        System.out.println("import     (-Xmx512m): " + imported);
        System.out.printf("import-rows-per-second %.0f; raw-insert-rows-per-second %.0f; ratio %.2f (goal >= 0.5)%n",
                rows * 1000.0 / importMs, rows * 1000.0 / rawMs, (double) rawMs / importMs);
    }

    private String child(Class<?> main, String... args) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("sqlite-tmp"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dorg.sqlite.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(main.getSimpleName() + " failed: " + out);
        }
        return out;
    }

    private static long millis(String line) {
        Matcher m = Pattern.compile("in (\\d+) ms").matcher(line);
        if (!m.find()) {
            throw new IllegalStateException("no time in: " + line);
        }
        return Long.parseLong(m.group(1));
    }

    /** The baseline: the same rows as the import writes, batch-inserted into a bare copy of the catalog's table. */
    static final class RawInsert {
        public static void main(String[] args) throws Exception {
            int runs = Integer.parseInt(args[0]);
            long t0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[1]);
                 Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = FULL");
                st.execute("CREATE TABLE metrics (version_id INTEGER NOT NULL, key TEXT NOT NULL, value REAL, "
                        + "step INTEGER, dataset TEXT NOT NULL DEFAULT '')");
                st.execute("CREATE INDEX metrics_by_version ON metrics(version_id, key, step)");
                st.execute("BEGIN IMMEDIATE");
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO metrics(version_id, key, value, step, dataset) VALUES (?,?,?,?,?)")) {
                    for (int r = 0; r < runs; r++) {
                        for (int k = 0; k < METRICS; k++) {
                            String key = "metric_" + k;
                            for (int s = 0; s <= STEPS; s++) { // the steps, then the latest value as a summary row
                                ps.setLong(1, r + 1);
                                ps.setString(2, key);
                                ps.setDouble(3, MlflowDbGenerator.value(1, r, k, Math.min(s, STEPS - 1)));
                                if (s < STEPS) {
                                    ps.setLong(4, s);
                                } else {
                                    ps.setNull(4, java.sql.Types.INTEGER);
                                }
                                ps.setString(5, "");
                                ps.addBatch();
                            }
                        }
                        ps.executeBatch();
                    }
                }
                st.execute("COMMIT");
            }
            System.out.printf("inserted %d rows, peak heap %d MB, in %d ms%n", (long) runs * METRICS * (STEPS + 1),
                    ImportInSmallHeap.peakHeap() / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    @Test
    void generatedStore() throws Exception {
        int runs = Integer.getInteger("import.runs", 10_000);
        long g0 = System.nanoTime();
        Path mlruns = MlrunsGenerator.generate(dir, runs, 20, 100, 1);
        System.out.printf("generated %d runs x 20 metrics x 100 steps in %.1f s%n", runs, (System.nanoTime() - g0) / 1e9);
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        Path db = dir.resolve("imported.db");
        long t0 = System.nanoTime();
        try (Catalog c = SqliteCatalog.open(db, true)) {
            ImportService.Report r = new Services(c, new Actor("bench", "h"), Clock.systemUTC()).importer()
                    .importMlflow(mlruns, "big-experiment", MlflowReader.Progress.NONE);
            System.out.printf("import-generated-seconds %.1f (%d versions, %d metric values)%n", (System.nanoTime() - t0) / 1e9,
                    r.versionsAdded(), r.metricValues());
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("import-generated-peak-heap-mb %d; catalog %.0f MB%n", peak / 1_000_000, Files.size(db) / 1e6);
    }

    @Test
    void largestSample() throws Exception {
        Path samples = Path.of("..", "shared", "samples");
        if (!Files.isDirectory(samples)) {
            System.out.println("no samples folder");
            return;
        }
        Path largest;
        try (Stream<Path> s = Files.walk(samples)) {
            largest = s.filter(p -> p.getFileName().toString().equals("mlflow.db")).max(Comparator.comparingLong(p -> p.toFile().length()))
                    .orElseThrow();
        }
        Path db = dir.resolve("sample.db");
        long t0 = System.nanoTime();
        try (Catalog c = SqliteCatalog.open(db, true)) {
            ImportService.Report r = new Services(c, new Actor("bench", "h"), Clock.systemUTC()).importer()
                    .importMlflow(largest, null, MlflowReader.Progress.NONE);
            System.out.printf("import-largest-sample %s (%.1f MB): %d ms, %d versions, %d metric values%n", largest,
                    Files.size(largest) / 1e6, (System.nanoTime() - t0) / 1_000_000, r.versionsAdded(), r.metricValues());
        }
        System.out.printf("import-largest-sample-catalog-kb %d%n", Files.size(db) / 1000);
    }
}

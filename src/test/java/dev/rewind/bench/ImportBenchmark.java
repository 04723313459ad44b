package dev.rewind.bench;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.importer.MlrunsGenerator;
import dev.rewind.importer.mlflow.MlflowReader;
import dev.rewind.service.ImportService;
import dev.rewind.service.Services;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures for issue 6: {@code mvn test -Pbench -Dtest=ImportBenchmark} (scale with -Dimport.runs, default 10,000 runs
 * x 20 metrics x 100 steps) and the largest sample store. Prints, never asserts on time.
 */
@Tag("benchmark")
class ImportBenchmark {
    @TempDir
    Path dir;

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

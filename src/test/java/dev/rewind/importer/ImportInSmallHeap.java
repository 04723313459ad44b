package dev.rewind.importer;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.importer.mlflow.MlflowReader;
import dev.rewind.service.ImportService;
import dev.rewind.service.Services;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A child JVM's main for the memory-bound test and benchmark: imports STORE into a new catalog CATALOG and prints
 * {@code imported V versions, N metric values, peak heap M MB, in T ms}. Run it with a small -Xmx: an import that held the
 * store in memory dies with OutOfMemoryError.
 */
public final class ImportInSmallHeap {
    private ImportInSmallHeap() {
    }

    public static void main(String[] args) {
        Path store = Path.of(args[0]);
        Path db = Path.of(args[1]);
        long t0 = System.nanoTime();
        try (Catalog c = SqliteCatalog.open(db, true)) {
            ImportService.Report r = new Services(c, new Actor("bench", "h"), Clock.systemUTC()).importer()
                    .importMlflow(store, null, MlflowReader.Progress.NONE);
            System.out.printf("imported %d versions, %d metric values, peak heap %d MB, in %d ms%n", r.versionsAdded(),
                    r.metricValues(), peakHeap() / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** The sum of the heap pools' peaks since the JVM started (or since they were last reset). */
    public static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}

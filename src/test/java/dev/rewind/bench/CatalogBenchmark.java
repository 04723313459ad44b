package dev.rewind.bench;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.MetricValue;
import dev.rewind.service.DemoService;
import dev.rewind.service.RegisterRequest;
import dev.rewind.service.Services;
import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures for issue 2. Run with {@code mvn test -Pbench -Dtest=CatalogBenchmark}; prints, never asserts on time. */
@Tag("benchmark")
class CatalogBenchmark {
    @TempDir
    Path dir;

    @Test
    void largeDemo() throws Exception {
        Path db = dir.resolve("large.db");
        long t0 = System.nanoTime();
        try (Catalog c = SqliteCatalog.open(db, true)) {
            DemoService.Summary s = new Services(c, new Actor("bench", "h"), Clock.systemUTC()).demo()
                    .create(DemoService.Scale.LARGE, 42);
            System.out.printf("large-demo-seconds %.1f (%d models, %d versions, %d metric rows)%n",
                    (System.nanoTime() - t0) / 1e9, s.models(), s.versions(), s.metricValues());
        }
        System.out.printf("large-demo-file-mb %.1f%n", Files.size(db) / 1e6);
        if (Files.exists(db.resolveSibling("large.db-wal"))) {
            System.out.printf("large-demo-wal-mb %.1f%n", Files.size(db.resolveSibling("large.db-wal")) / 1e6);
        }
    }

    @Test
    void versionsJsonFor1000Versions() throws Exception {
        Path db = dir.resolve("thousand.db");
        Path art = Files.writeString(dir.resolve("a.bin"), "bytes");
        try (Catalog c = SqliteCatalog.open(db, true)) {
            Services s = new Services(c, new Actor("bench", "h"), Clock.systemUTC());
            for (int i = 0; i < 1000; i++) {
                List<MetricValue> ms = new ArrayList<>();
                for (int k = 0; k < 20; k++) {
                    ms.add(MetricValue.summary("metric_" + k, Math.random()));
                }
                s.registry().register(new RegisterRequest("big", "1." + i, art, ms,
                        java.util.Map.of("seed", "" + i), null, null, null, null));
            }
        }
        CliRun cli = new CliRun(db);
        long[] ms = new long[7];
        int bytes = 0;
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            bytes = cli.run("versions", "big", "--json").out().length();
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf("versions-json-1000-ms first-run/median/min: %d/%d/%d (%d bytes of JSON)%n",
                ms[ms.length - 1], ms[ms.length / 2], ms[0], bytes);
    }
}

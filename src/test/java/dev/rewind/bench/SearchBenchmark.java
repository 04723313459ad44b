package dev.rewind.bench;

import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures for issue 15: {@code versions --where} on one model with 100,000 versions of 20 metrics each.
 * Run with {@code mvn test -Pbench -Dtest=SearchBenchmark}; prints, never asserts on time.
 */
@Tag("benchmark")
class SearchBenchmark {
    private static final int VERSIONS = 100_000;

    @TempDir
    Path dir;

    @Test
    void whereSortLimitOnAHundredThousandVersions() throws Exception {
        CliRun cli = new CliRun(dir.resolve("big.db"));
        cli.run("init");
        long t0 = System.nanoTime();
        String numbers = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + VERSIONS + ") ";
        String keys = "WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 19) ";
        CatalogDump.exec(cli.catalog(),
                "INSERT INTO models(id, name, created_at) VALUES (1, 'big', 0)",
                numbers + "INSERT INTO versions(id, model_id, label, seq, created_at, author) "
                        + "SELECT i, 1, '1.0.' || i, i, i * 1000, 'ana' FROM n",
                keys + "INSERT INTO metrics(version_id, key, value, step, dataset) SELECT v.id, "
                        + "CASE k.j WHEN 0 THEN 'auc' WHEN 1 THEN 'latency_ms' ELSE 'metric_' || k.j END, "
                        + "CASE k.j WHEN 1 THEN abs(random() % 60) ELSE abs(random() % 1000) / 1000.0 END, NULL, '' "
                        + "FROM versions v, k",
                "INSERT INTO params(version_id, key, value) SELECT id, 'lr', '0.0' || (id % 9 + 1) FROM versions",
                "INSERT INTO version_tags(version_id, key, value) SELECT id, 'stable', NULL FROM versions WHERE id % 7 = 0",
                "INSERT INTO version_tags(version_id, key, value) SELECT id, 'owner', 'ana' FROM versions WHERE id % 3 = 0");
        System.out.printf("search-bench-catalog-seconds %.1f (%d versions, %d metric rows)%n",
                (System.nanoTime() - t0) / 1e9, VERSIONS, VERSIONS * 20);
        time(cli, "versions", "big", "--where", "auc>0.9 and latency_ms<=30", "--tag", "stable", "--sort", "-auc",
                "--limit", "20", "--json");
        time(cli, "versions", "big", "--where", "auc>0.9 and latency_ms<=30 and owner=ana", "--limit", "20");
        time(cli, "versions", "big", "--where", "lr<0.05", "--sort", "-auc", "--limit", "20");
        time(cli, "search", "--where", "auc>0.99", "--sort", "-auc", "--limit", "20");
    }

    private static void time(CliRun cli, String... args) {
        long[] ms = new long[5];
        int lines = 0;
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            CliRun.Result r = cli.run(args);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            if (r.code() != 0) {
                throw new AssertionError(r.toString());
            }
            lines = (int) r.out().lines().count();
        }
        Arrays.sort(ms);
        System.out.printf("search-bench-ms first/median/min %d/%d/%d (%d lines): rewind %s%n", ms[ms.length - 1],
                ms[ms.length / 2], ms[0], lines, String.join(" ", args));
    }
}

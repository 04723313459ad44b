package dev.rewind.bench;

import dev.rewind.catalog.Catalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.MoveRequest;
import dev.rewind.service.DemoService;
import dev.rewind.service.Services;
import dev.rewind.support.CatalogBackend;
import dev.rewind.support.ChildJvm;
import dev.rewind.support.CliRun;
import dev.rewind.support.Fixture;
import dev.rewind.support.PgSandbox;
import dev.rewind.support.RollbackBenchWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures for issue 17, PostgreSQL beside SQLite in one run on the same machine:
 * {@code mvn test -Pbench -Dtest=PostgresBenchmark}. Prints, never asserts on time.
 */
@Tag("benchmark")
@ExtendWith(PgSandbox.class)
class PostgresBenchmark {
    private static final String BIG = "recsys-ranker-xl";

    @TempDir
    Path dir;

    /** {@code versions} of the 20,000-version demo model and {@code models} on the large demo, median of 5. */
    @Test
    void readsOfTheLargeDemo(PgSandbox.Server server) throws Exception {
        Map<String, CliRun> clis = new LinkedHashMap<>();
        List<CatalogBackend> backends = backends(server);
        Path file = Files.createDirectories(dir.resolve("SQLite"));
        long t0 = System.nanoTime();
        try (Catalog c = backends.get(0).open(file, true)) {
            new Services(c, new Actor("bench", "h"), Clock.systemUTC()).demo().create(DemoService.Scale.LARGE, 42);
        }
        System.out.printf("large-demo-created SQLite %.1f s%n", (System.nanoTime() - t0) / 1e9);
        clis.put("SQLite", new CliRun(Path.of(backends.get(0).address(file))));
        // the server gets the same catalog through 'catalog copy', which is also what a team moving to it runs
        Path home = Files.createDirectories(dir.resolve("PostgreSQL"));
        String url = backends.get(1).address(home);
        CliRun pg = new CliRun(Path.of(url)).with("REWIND_PG_LOCAL", home.resolve("pg-local").toString());
        t0 = System.nanoTime();
        CliRun.Result copied = pg.run("catalog", "copy", backends.get(0).address(file), url);
        if (copied.code() != 0) {
            throw new AssertionError(copied.toString());
        }
        System.out.printf("catalog-copy SQLite -> PostgreSQL %.1f s%n", (System.nanoTime() - t0) / 1e9);
        clis.put("PostgreSQL", pg);
        for (String[] cmd : List.of(new String[] {"versions", BIG, "--json"}, new String[] {"models", "--json"})) {
            Map<String, long[]> ms = new LinkedHashMap<>();
            clis.keySet().forEach(k -> ms.put(k, new long[5]));
            for (int round = -1; round < 5; round++) { // round -1 warms each backend's code and caches
                for (Map.Entry<String, CliRun> e : clis.entrySet()) {
                    long start = System.nanoTime();
                    CliRun.Result r = e.getValue().run(cmd);
                    long took = (System.nanoTime() - start) / 1_000_000;
                    if (r.code() != 0) {
                        throw new AssertionError(r.toString());
                    }
                    if (round >= 0) {
                        ms.get(e.getKey())[round] = took;
                    }
                }
            }
            long onFile = median(ms.get("SQLite"));
            long onServer = median(ms.get("PostgreSQL"));
            System.out.printf("read '%s': SQLite %d ms, PostgreSQL %d ms, ratio %.2f (goal <= 2)%n",
                    String.join(" ", cmd), onFile, onServer, (double) onServer / onFile);
        }
    }

    /** One compare-and-set move at a time, in-process: the latency a person waits for. */
    @Test
    void moveLatency(PgSandbox.Server server) throws Exception {
        for (CatalogBackend b : backends(server)) {
            Path home = Files.createDirectories(dir.resolve("latency-" + b));
            try (Fixture f = Fixture.deployedThrice(home, b)) {
                for (String target : new String[] {"staging", "production"}) {
                    long[] ns = new long[400];
                    for (int i = 0; i < ns.length + 50; i++) {
                        String to = i % 2 == 0 ? "1.0" : "1.1";
                        long t0 = System.nanoTime();
                        f.services.deployments().rollback(MoveRequest.of("m", target, to).because("bench"));
                        if (i >= 50) {
                            ns[i - 50] = System.nanoTime() - t0; // the first 50 warm the JIT
                        }
                    }
                    Arrays.sort(ns);
                    System.out.printf("move-latency-ms %s %s: median=%.2f p95=%.2f max=%.2f (n=%d; goal p95 <= 20 on"
                            + " PostgreSQL)%n", b, target.equals("production") ? "with-serving-dir"
                            : "without-serving-dir", ns[ns.length / 2] / 1e6, ns[(int) (ns.length * 0.95)] / 1e6,
                            ns[ns.length - 1] / 1e6, ns.length);
                }
            }
        }
    }

    /** Four client processes moving the same target as fast as they can. */
    @Test
    void fourWriterThroughput(PgSandbox.Server server) throws Exception {
        for (CatalogBackend b : backends(server)) {
            Path home = Files.createDirectories(dir.resolve("writers-" + b));
            try (Fixture f = Fixture.deployedThrice(home, b)) {
                f.services.deployments().deploy(MoveRequest.of("m", "staging", "2.0"));
            }
            for (String target : new String[] {"staging", "production"}) {
                List<ChildJvm> kids = new ArrayList<>();
                for (int p = 0; p < 4; p++) {
                    kids.add(ChildJvm.start(dir.resolve("native"), RollbackBenchWorker.class, b.address(home), "250",
                            target, home.resolve("pg-local").toString()));
                }
                long ok = 0;
                long maxNs = 0;
                for (ChildJvm k : kids) {
                    if (k.waitFor(600) != 0) {
                        throw new AssertionError("worker failed: " + k.lines());
                    }
                    String[] p = k.lines().stream().filter(l -> l.startsWith("done ")).findFirst().orElseThrow()
                            .split(" ");
                    ok += Long.parseLong(p[1]);
                    maxNs = Math.max(maxNs, Long.parseLong(p[3]));
                }
                System.out.printf("moves-per-second 4-processes %s %s: %.0f (%d moves in %.1f s)%n", b,
                        target.equals("production") ? "with-serving-dir" : "without-serving-dir", ok / (maxNs / 1e9),
                        ok, maxNs / 1e9);
            }
        }
    }

    private static List<CatalogBackend> backends(PgSandbox.Server server) {
        return List.of(CatalogBackend.sqlite(), CatalogBackend.postgresql(() -> server));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

package dev.rewind.bench;

import dev.rewind.domain.MoveRequest;
import dev.rewind.support.ChildJvm;
import dev.rewind.support.Fixture;
import dev.rewind.support.RollbackBenchWorker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures for issue 3: {@code mvn test -Pbench -Dtest=RollbackBenchmark}. Prints, never asserts on time. */
@Tag("benchmark")
class RollbackBenchmark {
    @TempDir
    Path dir;

    @Test
    void latencyWithAndWithoutServingDir() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            f.services.deployments().deploy(MoveRequest.of("m", "staging", "2.0"));
            for (String target : new String[] {"staging", "production"}) {
                long[] ns = new long[400];
                for (int i = 0; i < ns.length + 50; i++) {
                    String to = i % 2 == 0 ? "1.0" : "1.1";
                    long t0 = System.nanoTime();
                    f.services.deployments().rollback(MoveRequest.of("m", target, to).because("bench"));
                    long t = System.nanoTime() - t0;
                    if (i >= 50) {
                        ns[i - 50] = t; // the first 50 warm the JIT
                    }
                }
                Arrays.sort(ns);
                System.out.printf("rollback-latency-ms %s median=%.2f p99=%.2f max=%.2f (n=%d)%n",
                        target.equals("production") ? "with-serving-dir" : "without-serving-dir",
                        ns[ns.length / 2] / 1e6, ns[(int) (ns.length * 0.99)] / 1e6, ns[ns.length - 1] / 1e6, ns.length);
            }
        }
    }

    @Test
    void throughputFromFourProcesses() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            f.services.deployments().deploy(MoveRequest.of("m", "staging", "2.0"));
        }
        Path db = dir.resolve("catalog.db");
        for (String target : new String[] {"staging", "production"}) {
            List<ChildJvm> kids = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                kids.add(ChildJvm.start(dir.resolve("native"), RollbackBenchWorker.class, db.toString(), "250", target));
            }
            long ok = 0;
            long refused = 0;
            long maxNs = 0;
            for (ChildJvm k : kids) {
                k.waitFor(600);
                String done = k.lines().stream().filter(l -> l.startsWith("done ")).findFirst().orElseThrow();
                String[] p = done.split(" ");
                ok += Long.parseLong(p[1]);
                refused += Long.parseLong(p[2]);
                maxNs = Math.max(maxNs, Long.parseLong(p[3]));
            }
            System.out.printf("rollbacks-per-second 4-processes %s: %.0f (%d done, %d refused as already serving, %.1f s)%n",
                    target.equals("production") ? "with-serving-dir" : "without-serving-dir",
                    ok / (maxNs / 1e9), ok, refused, maxNs / 1e9);
        }
    }
}

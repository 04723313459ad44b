package dev.rewind.support;

import dev.rewind.catalog.Catalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.RewindException;
import dev.rewind.service.Services;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Child of the rollback benchmarks: alternates rollbacks between two versions; prints "done OK REFUSED NANOS".
 * Arguments: catalog, count, target, and for PostgreSQL the folder kept beside the catalog.
 */
public final class RollbackBenchWorker {
    private RollbackBenchWorker() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[1]);
        try (Catalog c = WorkerCatalogs.open(args[0], Path.of(args.length > 3 ? args[3] : "."))) {
            Services s = new Services(c, new Actor("bench", "h"), Clock.systemUTC());
            System.out.println("ready");
            int ok = 0;
            int refused = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                try {
                    s.deployments().rollback(MoveRequest.of("m", args[2], i % 2 == 0 ? "1.0" : "1.1").because("bench"));
                    ok++;
                } catch (RewindException e) {
                    refused++;
                }
            }
            System.out.println("done " + ok + " " + refused + " " + (System.nanoTime() - t0));
        }
    }
}

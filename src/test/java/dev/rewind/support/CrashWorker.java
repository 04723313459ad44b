package dev.rewind.support;

import dev.rewind.catalog.Catalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.Move;
import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.RewindException;
import dev.rewind.service.Services;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;

/**
 * Child process of the crash test: deploys and rolls back in a loop until it is killed. Arguments: the catalog (a
 * SQLite file or a {@code postgresql://} address), a seed, and for PostgreSQL the folder kept beside the catalog.
 */
public final class CrashWorker {
    private CrashWorker() {
    }

    public static void main(String[] args) {
        Random rnd = new Random(Long.parseLong(args[1]));
        String[] labels = {"1.0", "1.1", "2.0"};
        try (Catalog c = WorkerCatalogs.open(args[0], Path.of(args.length > 2 ? args[2] : "."))) {
            Services s = new Services(c, new Actor("crash-worker", "h"), Clock.systemUTC());
            s.deployments().finishPendingSwitches(); // what every start of Rewind does
            for (int i = 0; i < 1_000_000; i++) {
                if (i == 1) {
                    // the first move loads the classes a move needs; the kills are meant for the steady loop
                    System.out.println("ready");
                    System.out.flush();
                }
                try {
                    Move m = rnd.nextInt(3) == 0
                            ? s.deployments().rollback(MoveRequest.of("m", "production", null)
                                    .because("crash loop " + i))
                            : s.deployments().deploy(MoveRequest.of("m", "production",
                                    labels[rnd.nextInt(labels.length)]).because("crash loop " + i));
                    if (m.changed()) { // a move to the live version commits nothing
                        System.out.println("committed " + m.eventId());
                        System.out.flush();
                    }
                } catch (RewindException e) {
                    // refused (same version, nothing to roll back to): part of the loop
                }
            }
        }
    }
}

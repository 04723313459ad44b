package dev.rewind.support;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.Move;
import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.RewindException;
import dev.rewind.service.Services;
import java.nio.file.Path;
import java.time.Clock;

/** Child process of the alias crash test: moves an mlflow-alias target between two versions until it is killed. */
public final class AliasMoveWorker {
    private AliasMoveWorker() {
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        String model = args[1];
        String target = args[2];
        String[] labels = {args[3], args[4]};
        try (Catalog c = SqliteCatalog.open(db, false)) {
            Services s = new Services(c, new Actor("alias-worker", "h"), Clock.systemUTC());
            s.deployments().finishPendingSwitches(); // what every start of Rewind does
            System.out.println("ready");
            System.out.flush();
            for (int i = 0; i < 1_000_000; i++) {
                try {
                    Move m = s.deployments().deploy(MoveRequest.of(model, target, labels[i % 2]).because("loop " + i));
                    if (m.changed()) {
                        System.out.println("committed " + m.eventId());
                        System.out.flush();
                    }
                } catch (RewindException e) {
                    // refused while the test holds MLflow's lock: part of the loop
                }
            }
        }
    }
}

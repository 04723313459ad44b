package dev.rewind.ui.shell;

import dev.rewind.service.ChainVerifier;
import dev.rewind.service.Services;
import dev.rewind.ui.common.TaskExecutor;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Whether the open catalog's history holds: checked in the background each time a catalog opens. When it does
 * not, the window shows a banner (moves are refused by the services until {@code rewind verify} is clean).
 */
public final class IntegrityViewModel {
    /** How long the check sleeps at a time while the window is busy. */
    private static final long PAUSE_MS = 20;
    /**
     * How long one check may wait in all: with two worker threads, two checks waiting for a load that needs a
     * worker would otherwise wait for ever (and a test's one-thread executor at once).
     */
    private static final long MAX_WAIT_NANOS = 3_000_000_000L;

    private final TaskExecutor tasks;
    private final Supplier<Services> services;
    private final BooleanSupplier busy;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final BooleanBinding failing = Bindings.isNotNull(problem);
    private volatile long generation;

    /**
     * {@code busy} is asked from the check's thread: while it says yes (a model is loading) the check waits, so on
     * two cores the person's request gets the second one.
     */
    public IntegrityViewModel(TaskExecutor tasks, Supplier<Services> services, BooleanSupplier busy) {
        this.tasks = tasks;
        this.services = services;
        this.busy = busy;
    }

    /** Checks the catalog open now; a result for a catalog opened since is dropped. */
    public void check() {
        Services s = services.get();
        problem.set(null);
        if (s == null) {
            return;
        }
        long mine = ++generation;
        long[] waited = {0};
        Runnable breather = () -> waitWhileBusy(mine, waited);
        tasks.forChecks().run("Checking the history", () -> s.checkHistoryAside(breather), found -> {
            if (mine == generation) {
                problem.set(summary(found));
            }
        }, error -> {
            if (mine == generation) {
                problem.set("the history could not be checked: " + error.getMessage());
            }
        });
    }

    private void waitWhileBusy(long mine, long[] waited) {
        try {
            // checks run one at a time on a thread of their own: one for a catalog no longer open makes way
            if (mine != generation) {
                throw new CancellationException("another catalog opened; its own check follows");
            }
            while (busy.getAsBoolean() && waited[0] < MAX_WAIT_NANOS) {
                long start = System.nanoTime();
                Thread.sleep(PAUSE_MS);
                waited[0] += System.nanoTime() - start;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the check was cancelled: let it end
        }
    }

    private static String summary(ChainVerifier.Findings found) {
        List<String> p = found.problems();
        if (p.isEmpty()) {
            return null;
        }
        return p.get(0) + (p.size() > 1 ? " (and " + (p.size() - 1) + " more)" : "");
    }

    /** The first problem found (null while none): the banner's text. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding failingProperty() {
        return failing;
    }
}

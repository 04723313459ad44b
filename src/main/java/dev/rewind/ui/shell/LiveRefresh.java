package dev.rewind.ui.shell;

import dev.rewind.service.Services;
import dev.rewind.ui.common.Formats;
import dev.rewind.ui.common.Scheduler;
import dev.rewind.ui.common.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Notices within a second or two when another process (the CLI, a CI job) changed the open catalog, and reloads:
 * once a second it reads the catalog's change counter in the background.
 */
final class LiveRefresh {
    static final Duration PERIOD = Duration.ofSeconds(1);
    private static final System.Logger LOG = System.getLogger(LiveRefresh.class.getName());

    private final TaskExecutor tasks;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Runnable reload;
    private final ReadOnlyStringWrapper lastChange = new ReadOnlyStringWrapper("");
    private Scheduler.Cancellable timer;
    private Services watched;
    private long seenCounter;
    private boolean checking;

    LiveRefresh(TaskExecutor tasks, Scheduler scheduler, Clock clock, Runnable reload) {
        this.tasks = tasks;
        this.scheduler = scheduler;
        this.clock = clock;
        this.reload = reload;
    }

    /** Watches a catalog just opened, whose change counter was {@code counter} when its models were read. */
    void watch(Services s, long counter) {
        watched = s;
        seenCounter = counter;
        lastChange.set("Opened " + Formats.time(clock.instant()));
        if (timer == null) {
            timer = scheduler.every(PERIOD, this::check);
        }
    }

    void stop() {
        watched = null;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void check() {
        Services s = watched;
        if (s == null || checking) {
            return;
        }
        checking = true;
        tasks.run("Watch catalog", () -> s.changeCounter(), counter -> {
            checking = false;
            if (s == watched && counter != seenCounter) {
                seenCounter = counter;
                lastChange.set("Change seen " + Formats.time(clock.instant()));
                reload.run();
            }
        }, t -> {
            checking = false;
            // the next tick tries again; a catalog that stays unreadable shows when the person acts on it
            LOG.log(System.Logger.Level.DEBUG, "could not read the change counter", t);
        });
    }

    /** "Opened …" or "Change seen …", with the time. */
    ReadOnlyStringProperty lastChangeProperty() {
        return lastChange.getReadOnlyProperty();
    }
}

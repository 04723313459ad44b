package dev.rewind.ui.shell;

import dev.rewind.domain.ChangeFeed;
import dev.rewind.service.Services;
import dev.rewind.ui.common.Formats;
import dev.rewind.ui.common.Scheduler;
import dev.rewind.ui.common.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Notices when another process (the CLI, a CI job, a colleague's window) changed the open catalog, and reloads. A
 * server catalog pushes its changes: a wait on its feed (on a thread of its own) ends as soon as one is committed,
 * and the next wait starts at once. A file catalog is asked once a second. When a server's connection is lost, a
 * banner says so and the feed is reopened with growing pauses; once back, the window reloads.
 */
final class LiveRefresh {
    static final Duration PERIOD = Duration.ofSeconds(1);
    /** One wait on a pushing feed; short, so that a feed closed meanwhile frees its thread promptly. */
    static final Duration WAIT = Duration.ofMillis(500);
    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(8);
    private static final System.Logger LOG = System.getLogger(LiveRefresh.class.getName());

    private final TaskExecutor tasks;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Runnable reload;
    private final ReadOnlyStringWrapper lastChange = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lost = new ReadOnlyStringWrapper(null);
    private Scheduler.Cancellable timer;
    private Scheduler.Cancellable retry;
    private Duration pause = FIRST_RETRY;
    private Services watched;
    private ChangeFeed feed;
    private ChangeFeed waitingOn;

    /** {@code tasks} runs the waits: the app gives it a thread of its own ({@link TaskExecutor#forWaiting}). */
    LiveRefresh(TaskExecutor tasks, Scheduler scheduler, Clock clock, Runnable reload) {
        this.tasks = tasks;
        this.scheduler = scheduler;
        this.clock = clock;
        this.reload = reload;
    }

    /** Watches a catalog just opened through {@code changes}, opened before its models were read. */
    void watch(Services s, ChangeFeed changes) {
        forget();
        watched = s;
        feed = changes;
        lastChange.set("Opened " + Formats.time(clock.instant()));
        if (timer == null) {
            timer = scheduler.every(PERIOD, this::check);
        }
        if (changes.pushes()) {
            check();
        }
    }

    void stop() {
        forget();
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void forget() {
        watched = null;
        closeLater(feed);
        feed = null;
        if (retry != null) {
            retry.cancel();
            retry = null;
        }
        pause = FIRST_RETRY;
        lost.set(null);
    }

    private void check() {
        Services s = watched;
        ChangeFeed f = feed;
        if (s == null || f == null || waitingOn == f) {
            return;
        }
        waitingOn = f;
        tasks.run("Watch catalog", () -> f.await(f.pushes() ? WAIT : Duration.ZERO), changed -> {
            done(f);
            if (f != feed) {
                return; // another catalog opened, or this one closed, meanwhile
            }
            if (changed) {
                lastChange.set("Change seen " + Formats.time(clock.instant()));
                reload.run();
            }
            if (f.pushes()) {
                check();
            }
        }, t -> {
            done(f);
            if (f != feed) {
                return;
            }
            if (f.pushes()) {
                connectionLost(s, t);
            } else {
                // the next tick tries again; a catalog that stays unreadable shows when the person acts on it
                LOG.log(System.Logger.Level.DEBUG, "could not read the change counter", t);
            }
        });
    }

    private void done(ChangeFeed f) {
        if (waitingOn == f) {
            waitingOn = null;
        }
    }

    private void connectionLost(Services s, Throwable t) {
        LOG.log(System.Logger.Level.WARNING, "lost the connection to " + s.describe() + "; reconnecting", t);
        lost.set("Lost connection to " + s.describe() + " — reconnecting…");
        closeLater(feed);
        feed = null;
        retryLater(s);
    }

    private void retryLater(Services s) {
        Duration wait = pause;
        pause = pause.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : pause.multipliedBy(2);
        retry = scheduler.after(wait, () -> reconnect(s));
    }

    private void reconnect(Services s) {
        retry = null;
        if (s != watched) {
            return;
        }
        tasks.run("Reconnect", s::watchChanges, f -> {
            if (s != watched) {
                closeLater(f);
                return;
            }
            feed = f;
            pause = FIRST_RETRY;
            lost.set(null);
            lastChange.set("Reconnected " + Formats.time(clock.instant()));
            reload.run(); // what changed while the connection was down
            check();
        }, t -> {
            if (s == watched) {
                LOG.log(System.Logger.Level.DEBUG, "still cannot reach " + s.describe(), t);
                retryLater(s);
            }
        });
    }

    /** A feed ends on the waiting thread: closing a server connection may wait for the wait in progress. */
    private void closeLater(ChangeFeed f) {
        if (f != null) {
            tasks.run("Stop watching", () -> {
                f.close();
                return null;
            }, x -> { }, t -> LOG.log(System.Logger.Level.DEBUG, "closing a change feed failed", t));
        }
    }

    /** "Opened …", "Change seen …" or "Reconnected …", with the time. */
    ReadOnlyStringProperty lastChangeProperty() {
        return lastChange.getReadOnlyProperty();
    }

    /** "Lost connection to … — reconnecting…" while a server catalog cannot be reached; null otherwise. */
    ReadOnlyStringProperty lostProperty() {
        return lost.getReadOnlyProperty();
    }
}

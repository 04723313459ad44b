package dev.rewind.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.ArtifactStore;
import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.ChangeFeed;
import dev.rewind.domain.RewindException;
import dev.rewind.service.Services;
import dev.rewind.ui.common.ManualScheduler;
import dev.rewind.ui.common.QueuedTaskExecutor;
import dev.rewind.ui.common.TestCatalogs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refresh loop on a catalog that pushes its changes, without a toolkit: waits follow one another at once, a
 * change reloads, a lost connection shows the banner and is retried with growing pauses, and stopping ends it.
 */
class LiveRefreshTest {
    private static final Instant START = Instant.parse("2030-01-02T03:04:05Z");
    private static final String ADDRESS = "postgresql://ana@db.example:5432/team";

    @TempDir
    Path dir;
    final QueuedTaskExecutor tasks = new QueuedTaskExecutor();
    final ManualScheduler scheduler = new ManualScheduler(START);
    int reloads;

    /** A pushing feed whose answers the test writes: true/false, or a failure to throw. */
    static final class ScriptedFeed implements ChangeFeed {
        final Deque<Object> answers = new ArrayDeque<>();
        boolean closed;

        ScriptedFeed(Object... answers) {
            this.answers.addAll(List.of(answers));
        }

        @Override
        public boolean await(Duration timeout) {
            Object next = answers.isEmpty() ? Boolean.FALSE : answers.poll();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (Boolean) next;
        }

        @Override
        public boolean pushes() {
            return true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A server catalog stand-in: a SQLite file behind it, its feeds (or failures to open one) given by the test. */
    private Services server(Deque<Object> feeds) {
        Catalog file = SqliteCatalog.open(TestCatalogs.copy(TestCatalogs.template(), dir.resolve("c.db")), false);
        Catalog c = new Catalog() {
            @Override
            public Path location() {
                return file.location();
            }

            @Override
            public String describe() {
                return ADDRESS;
            }

            @Override
            public ArtifactStore artifacts() {
                return file.artifacts();
            }

            @Override
            public <T> T read(Work<T> work) {
                return file.read(work);
            }

            @Override
            public <T> T write(Work<T> work) {
                return file.write(work);
            }

            @Override
            public long changeCounter() {
                return file.changeCounter();
            }

            @Override
            public ChangeFeed watchChanges() {
                Object next = feeds.poll();
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                return (ChangeFeed) next;
            }

            @Override
            public Catalog separateReader() {
                return file.separateReader();
            }

            @Override
            public List<String> integrityCheck() {
                return file.integrityCheck();
            }

            @Override
            public void close() {
                file.close();
            }
        };
        return new Services(c, new Actor("tester", "h"), Clock.systemUTC());
    }

    private static RewindException lost() {
        return new RewindException(RewindException.CATALOG_UNREADABLE, "could not follow changes to " + ADDRESS
                + ": the connection to the server was lost (FATAL: terminating connection due to administrator command)");
    }

    @Test
    void pushedChangesReloadAtOnceAndALostConnectionIsRetriedWithGrowingPausesUntilItIsBack() {
        ScriptedFeed first = new ScriptedFeed(false, true, lost());
        ScriptedFeed second = new ScriptedFeed();
        Deque<Object> reopen = new ArrayDeque<>(List.of(lost(), second));
        Services s = server(reopen);
        LiveRefresh live = new LiveRefresh(tasks, scheduler, scheduler.clock(), () -> reloads++);
        live.watch(s, first);
        assertThat(tasks.pending()).as("waiting at once, not at the next tick").containsExactly("Watch catalog");

        tasks.runOldest(); // the wait ended with nothing new: the next begins straight away
        assertThat(reloads).isZero();
        assertThat(tasks.pending()).containsExactly("Watch catalog");
        tasks.runOldest(); // a colleague's rollback
        assertThat(reloads).isEqualTo(1);
        assertThat(live.lastChangeProperty().get()).startsWith("Change seen");
        assertThat(live.lostProperty().get()).isNull();

        tasks.runOldest(); // the server ended the session
        assertThat(live.lostProperty().get())
                .isEqualTo("Lost connection to postgresql://ana@db.example:5432/team — reconnecting…");
        tasks.runAll();
        assertThat(first.closed).isTrue();
        scheduler.advance(Duration.ofMillis(499));
        assertThat(tasks.pending()).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(tasks.pending()).containsExactly("Reconnect");
        tasks.runOldest(); // still down: the next try waits twice as long
        assertThat(live.lostProperty().get()).isNotNull();
        scheduler.advance(Duration.ofMillis(999));
        assertThat(tasks.pending()).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        tasks.runOldest(); // back
        assertThat(live.lostProperty().get()).as("the banner goes").isNull();
        assertThat(reloads).as("what changed while it was down is shown").isEqualTo(2);
        assertThat(live.lastChangeProperty().get()).startsWith("Reconnected");
        assertThat(tasks.pending()).containsExactly("Watch catalog");

        live.stop();
        assertThat(scheduler.running()).as("no timer left").isZero();
        tasks.runAll();
        assertThat(second.closed).isTrue();
        assertThat(tasks.pending()).as("a wait that ends after stop starts no other").isEmpty();
        assertThat(reloads).isEqualTo(2);
        s.close();
    }

    @Test
    void anotherCatalogOpenedWhileDisconnectedEndsTheRetries() {
        ScriptedFeed first = new ScriptedFeed(lost());
        Services s = server(new ArrayDeque<>(List.of(lost())));
        LiveRefresh live = new LiveRefresh(tasks, scheduler, scheduler.clock(), () -> reloads++);
        live.watch(s, first);
        tasks.runAll();
        assertThat(live.lostProperty().get()).isNotNull();
        ScriptedFeed other = new ScriptedFeed();
        live.watch(s, other);
        assertThat(live.lostProperty().get()).as("a new catalog starts connected").isNull();
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(tasks.pending()).as("no reconnect of the old one, only the new wait")
                .containsExactly("Watch catalog");
        live.stop();
        tasks.runAll();
        assertThat(other.closed).isTrue();
        s.close();
    }
}

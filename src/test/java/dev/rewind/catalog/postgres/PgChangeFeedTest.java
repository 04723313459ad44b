package dev.rewind.catalog.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.catalog.Catalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.ChangeFeed;
import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.RewindException;
import dev.rewind.service.Services;
import dev.rewind.support.CatalogBackend;
import dev.rewind.support.Fixture;
import dev.rewind.support.PgSandbox;
import dev.rewind.support.PgSessions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** LISTEN/NOTIFY on a server catalog: another connection's move is pushed; a killed session is noticed and replaced. */
@ExtendWith(PgSandbox.class)
class PgChangeFeedTest {
    @TempDir
    Path dir;

    @Test
    void anotherConnectionsMoveIsPushedAndThisCatalogsOwnIsNot(PgSandbox.Server server) throws Exception {
        CatalogBackend pg = CatalogBackend.postgresql(() -> server);
        try (Fixture f = Fixture.deployedThrice(dir, pg); ChangeFeed feed = f.catalog.watchChanges();
             Catalog other = pg.open(dir, false)) {
            assertThat(feed.pushes()).isTrue();
            assertThat(feed.await(Duration.ofMillis(200))).as("nothing yet").isFalse();

            f.services.deployments().deploy(MoveRequest.of("m", "staging", "1.0").because("own move"));
            assertThat(feed.await(Duration.ofMillis(300))).as("this catalog's own move").isFalse();

            Services colleague = new Services(other, new Actor("colleague", "h"), Clock.systemUTC());
            long start = System.nanoTime();
            colleague.deployments().rollback(MoveRequest.of("m", "production", "1.1")
                    .expecting(Optional.of("2.0")).because("paged"));
            assertThat(feed.await(Duration.ofSeconds(5))).as("the colleague's rollback").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(feed.await(Duration.ofMillis(100))).as("told once").isFalse();
        }
    }

    @Test
    void aKilledSessionFailsTheFeedAndTheCatalogReconnectsForItsNextReadAndWrite(PgSandbox.Server server)
            throws Exception {
        CatalogBackend pg = CatalogBackend.postgresql(() -> server);
        try (Fixture f = Fixture.deployedThrice(dir, pg); ChangeFeed feed = f.catalog.watchChanges()) {
            assertThat(f.live("production")).isEqualTo("2.0");
            killSessions(pg);

            assertThatThrownBy(() -> feed.await(Duration.ofSeconds(5))).isInstanceOf(RewindException.class)
                    .hasMessageContaining("the connection to the server was lost")
                    .hasMessageNotContaining("password");
            assertThat(f.live("production")).as("a read on a new connection").isEqualTo("2.0");
            f.services.deployments().rollback(MoveRequest.of("m", "production", "1.1")
                    .expecting(Optional.of("2.0")).because("after the kill"));
            assertThat(f.live("production")).isEqualTo("1.1");
            assertThat(f.services.verifier().verify(false).problems()).isEmpty();
            try (ChangeFeed again = f.catalog.watchChanges()) {
                assertThat(again.await(Duration.ofMillis(50))).isFalse();
            }
        }
    }

    @Test
    void aConnectionLostAtCommitIsReportedAsUnconfirmedNeverAsDone(PgSandbox.Server server) throws Exception {
        CatalogBackend pg = CatalogBackend.postgresql(() -> server);
        try (Fixture f = Fixture.deployedThrice(dir, pg)) {
            String before = pg.dump(dir);
            assertThatThrownBy(() -> f.catalog.write(tx -> {
                try {
                    killSessions(pg); // the work is done; the server goes before COMMIT reaches it
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return null;
            })).isInstanceOf(RewindException.class).hasMessageContaining("may or may not have been")
                    .hasMessageContaining("the history shows which once reconnected");
            assertThat(pg.dump(dir)).as("nothing half done").isEqualTo(before);
            f.services.deployments().deploy(MoveRequest.of("m", "staging", "1.0").because("next write reconnects"));
            assertThat(f.live("staging")).isEqualTo("1.0");
        }
    }

    @Test
    void aCatalogMadeBeforeNotificationsGetsTheTriggerWhenOpened(PgSandbox.Server server) throws Exception {
        CatalogBackend pg = CatalogBackend.postgresql(() -> server);
        // a catalog as the Rewind before P2 made it: P1 alone
        String p1;
        try (var in = PgSchema.class.getResourceAsStream("/dev/rewind/catalog/postgres/P1__schema.sql")) {
            p1 = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        pg.sql(dir, p1, "UPDATE rewind_schema SET version = 1");
        assertThat(pg.one(dir, "SELECT count(*) FROM pg_trigger WHERE tgname = 'events_notify'")).isEqualTo("0");
        try (Catalog c = pg.open(dir, false)) {
            assertThat(pg.one(dir, "SELECT count(*) FROM pg_trigger WHERE tgname = 'events_notify'")).isEqualTo("1");
            assertThat(pg.one(dir, "SELECT max(version) FROM rewind_schema")).isEqualTo(String.valueOf(PgSchema.CURRENT));
        }
    }

    private void killSessions(CatalogBackend pg) throws Exception {
        PgSessions.killAll(pg, dir);
    }
}

package dev.rewind.catalog.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.catalog.Catalog;
import dev.rewind.support.CatalogBackend;
import dev.rewind.support.Fixture;
import dev.rewind.support.PgSandbox;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What only the PostgreSQL catalog promises: the server names who did it, and its safeguards are checked. */
@ExtendWith(PgSandbox.class)
class PostgresCatalogTest {
    @TempDir
    Path dir;

    @Test
    void theEventsActorIsTheSessionUserEvenWhenAClientWritesAnotherName(PgSandbox.Server server) throws Exception {
        CatalogBackend pg = CatalogBackend.postgresql(() -> server);
        try (Fixture f = new Fixture(dir, pg)) {
            // the fixture's services act as 'tester'; the database keeps the user it logged in as
            assertThat(pg.one(dir, "SELECT string_agg(DISTINCT actor, ',') FROM events")).isEqualTo("rewind");
            long next = Long.parseLong(pg.one(dir, "SELECT max(id) + 1 FROM events"));
            pg.sql(dir, "INSERT INTO events(id, at, kind, model_id, actor, host, prev_hash, hash) VALUES (" + next
                    + ", 0, 'tag', 1, 'mallory', 'h', 'x', 'y')");
            assertThat(pg.one(dir, "SELECT actor FROM events WHERE id = " + next)).isEqualTo("rewind");
            // and an event written around Rewind breaks the chain, which verify names
            assertThat(f.services.verifier().verify(false).problems()).isNotEmpty();
        }
    }

    @Test
    void aSafeguardSwitchedOffIsNamedByTheIntegrityCheck(PgSandbox.Server server) throws Exception {
        CatalogBackend pg = CatalogBackend.postgresql(() -> server);
        try (Catalog c = pg.open(dir, true)) {
            assertThat(c.integrityCheck()).isEmpty();
            pg.sql(dir, "ALTER TABLE events DISABLE TRIGGER events_no_update");
            assertThat(c.integrityCheck()).singleElement().asString().contains("events_no_update");
        }
    }

    @Test
    void aPasswordInTheAddressIsKeptOutOfItsName() {
        PgAddress a = PgAddress.parse("postgresql://ana:s3cr3t@db.example:6543/team?sslmode=require",
                java.util.Map.of());
        assertThat(a.toString()).isEqualTo("postgresql://ana@db.example:6543/team").doesNotContain("s3cr3t");
        assertThat(a.password()).isEqualTo("s3cr3t");
        assertThat(PgAddress.parse("postgresql://ana@db.example/team", java.util.Map.of("PGPASSWORD", "pw"))
                .password()).isEqualTo("pw");
        assertThatThrownBy(() -> PgAddress.parse("postgresql://ana:s3cr3t@", java.util.Map.of()))
                .hasMessageNotContaining("s3cr3t").hasMessageContaining("not a PostgreSQL catalog address");
    }
}

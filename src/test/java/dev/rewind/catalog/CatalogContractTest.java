package dev.rewind.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.domain.MetricValue;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;
import dev.rewind.service.RegisterRequest;
import dev.rewind.service.Services;
import dev.rewind.support.CatalogBackend;
import dev.rewind.support.PgSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * What every catalog backend keeps, checked on each with the same code: data survives reopening, the database
 * itself refuses to rewrite history or a version's identity (rules 2 and 3) whoever asks, a failed write leaves
 * nothing, other writers are noticed, and a catalog from a newer Rewind, a missing one or a foreign database is
 * refused and left as it was.
 */
@ExtendWith(PgSandbox.class)
class CatalogContractTest {
    @TempDir
    Path dir;

    private void catalogWithOneVersion(CatalogBackend backend) throws Exception {
        Path art = Files.writeString(dir.resolve("model.bin"), "weights");
        try (Catalog c = backend.open(dir, true)) {
            new Services(c, new dev.rewind.domain.Actor("ana", "h"), Clock.systemUTC()).registry()
                    .register(new RegisterRequest("m", "1.0", art, List.of(MetricValue.summary("auc", 0.9)),
                            java.util.Map.of("lr", "0.1"), null, null, null, null));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void reopeningKeepsData(CatalogBackend backend) throws Exception {
        catalogWithOneVersion(backend);
        try (Catalog c = backend.open(dir, false)) {
            List<Version> vs = c.read(tx -> tx.versions().list("m"));
            assertThat(vs).extracting(Version::label).containsExactly("1.0");
            assertThat((long) c.read(tx -> tx.events().count())).isEqualTo(1L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void eventsCannotBeUpdatedOrDeletedThroughRawSql(CatalogBackend backend) throws Exception {
        catalogWithOneVersion(backend);
        String before = backend.dump(dir);
        assertThatThrownBy(() -> backend.sql(dir, "UPDATE events SET reason = 'rewritten'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> backend.sql(dir, "DELETE FROM events"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(backend.dump(dir)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void versionIdentityAndArtifactCannotChangeThroughRawSql(CatalogBackend backend) throws Exception {
        catalogWithOneVersion(backend);
        String before = backend.dump(dir);
        for (String sql : new String[] {
            "UPDATE versions SET label = '9.9'", "UPDATE versions SET artifact_sha256 = 'abc'",
            "UPDATE versions SET artifact_uri = 'file:/tmp/x'", "UPDATE versions SET artifact_size = 1",
            "UPDATE versions SET created_at = 0", "UPDATE versions SET seq = 7", "DELETE FROM versions",
            "UPDATE metrics SET value = 1", "DELETE FROM params", "DELETE FROM models"}) {
            assertThatThrownBy(() -> backend.sql(dir, sql)).as(sql).isInstanceOf(SQLException.class)
                    .hasMessageContaining("rewind:");
        }
        assertThat(backend.dump(dir)).isEqualTo(before);
        // a description is not identity: it may be corrected
        backend.sql(dir, "UPDATE versions SET description = 'fixed typo'");
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void aWriteThatFailsLeavesNothingBehind(CatalogBackend backend) throws Exception {
        catalogWithOneVersion(backend);
        String before = backend.dump(dir);
        try (Catalog c = backend.open(dir, false)) {
            assertThatThrownBy(() -> c.write(tx -> {
                tx.models().insert("half-written", java.time.Instant.now());
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
        }
        assertThat(backend.dump(dir)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void changeCounterMovesWhenAnotherConnectionWrites(CatalogBackend backend) throws Exception {
        catalogWithOneVersion(backend);
        try (Catalog c = backend.open(dir, false)) {
            long first = c.changeCounter();
            backend.sql(dir, "INSERT INTO metric_directions(key, direction) VALUES ('auc', 'higher')");
            assertThat(c.changeCounter()).isNotEqualTo(first);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void aCatalogFromANewerRewindIsRefusedAndLeftUnchanged(CatalogBackend backend) throws Exception {
        catalogWithOneVersion(backend);
        backend.setSchemaVersion(dir, 99);
        String before = backend.dump(dir);
        RewindException e = org.junit.jupiter.api.Assertions.assertThrows(RewindException.class,
                () -> backend.open(dir, false));
        assertThat(e.getMessage()).contains("newer Rewind").contains("schema 99");
        assertThat(e.exitCode()).isEqualTo(RewindException.CATALOG_UNREADABLE);
        assertThat(backend.dump(dir)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void aMissingCatalogIsRefusedUnlessCreatingAndNothingIsMade(CatalogBackend backend) {
        for (int i = 0; i < 2; i++) { // the second refusal shows the first made nothing
            RewindException e = org.junit.jupiter.api.Assertions.assertThrows(RewindException.class,
                    () -> backend.open(dir, false));
            assertThat(e.getMessage()).contains("no catalog at");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void aDatabaseHoldingSomethingElseIsRefusedAndLeftUnchanged(CatalogBackend backend) throws Exception {
        backend.sql(dir, "CREATE TABLE alembic_version (version_num TEXT, note TEXT)",
                "INSERT INTO alembic_version VALUES ('abc', 'mlflow')");
        String before = backend.dump(dir);
        assertThatThrownBy(() -> backend.open(dir, true)).hasMessageContaining("not a Rewind catalog");
        assertThat(backend.dump(dir)).isEqualTo(before);
    }
}

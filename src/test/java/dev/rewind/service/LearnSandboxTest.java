package dev.rewind.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.Move;
import dev.rewind.domain.MovePreview;
import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox built from the scenario: its own folder, the story's state, and rollback possible or not. */
class LearnSandboxTest {
    private static final LearnScenario SCENARIO = LearnScenarioLoader.shipped(Locale.ROOT);

    @TempDir
    Path dir;

    private Services open(Path db) {
        return new Services(SqliteCatalog.open(db, true), new Actor("learner", "test-host"), Clock.systemUTC());
    }

    private Path sandboxFile() throws Exception {
        return Files.createDirectory(dir.resolve(SandboxService.PREFIX + "1")).resolve("sandbox.db");
    }

    @Test
    void theVersionedSandboxTellsTheStoryAndRollsBack() throws Exception {
        Path db = sandboxFile();
        Services s = open(db);
        try {
            s.sandbox().build(SCENARIO, SandboxService.Variant.VERSIONED);
            assertThat(s.registry().versions("spam-filter")).extracting(Version::label)
                    .containsExactly("1.0.0", "1.1.0", "2.0.0");
            assertThat(s.registry().show("spam-filter", "1.1.0").stable()).isTrue();
            assertThat(s.deployments().targets("spam-filter")).anySatisfy(t -> {
                assertThat(t.name()).isEqualTo("production");
                assertThat(t.liveVersion()).isEqualTo("2.0.0");
                assertThat(Path.of(t.servingDir())).startsWith(db.getParent());
            });
            Path current = db.resolveSibling("serving/spam-filter/production/current");
            assertThat(Files.readString(current)).startsWith("rewind learn sandbox: spam-filter 2.0.0");
            assertThat(s.verifier().verify(false).problems()).isEmpty();

            MovePreview p = s.deployments().preview(MoveRequest.of("spam-filter", "production", "1.1.0"));
            assertThat(p.allowed()).isTrue();
            assertThat(p.kind()).isEqualTo(EventKind.ROLLBACK);
            Move m = s.deployments().rollback(MoveRequest.of("spam-filter", "production", "1.1.0")
                    .expecting(Optional.of("2.0.0")).because("error rate climbing"));
            assertThat(m.toVersion()).isEqualTo("1.1.0");
            assertThat(Files.readString(current)).startsWith("rewind learn sandbox: spam-filter 1.1.0");
        } finally {
            s.close();
        }
        SandboxService.discard(db);
        assertThat(db.getParent()).doesNotExist();
    }

    @Test
    void theOverwrittenSandboxRefusesTheRollbackBecauseTheOldBytesAreGone() throws Exception {
        Path db = sandboxFile();
        Services s = open(db);
        try {
            s.sandbox().build(SCENARIO, SandboxService.Variant.OVERWRITTEN_IN_PLACE);
            assertThat(s.deployments().targets("spam-filter")).anyMatch(t -> "2.0.0".equals(t.liveVersion()));
            MovePreview p = s.deployments().preview(MoveRequest.of("spam-filter", "production", "1.1.0"));
            assertThat(p.allowed()).isFalse();
            assertThat(p.blocker()).startsWith("Cannot switch to 1.1.0: its artifact").contains("was altered");
            assertThatThrownBy(() -> s.deployments().rollback(MoveRequest.of("spam-filter", "production", "1.1.0")
                    .expecting(Optional.of("2.0.0")).because("try")))
                    .isInstanceOf(RewindException.class).hasMessageContaining("nothing changed");
            assertThat(s.deployments().targets("spam-filter")).anyMatch(t -> "2.0.0".equals(t.liveVersion()));
        } finally {
            s.close();
        }
    }

    @Test
    void aSandboxIsOnlyBuiltInItsOwnFolderAndDiscardLeavesOtherFoldersAlone() throws Exception {
        Path db = dir.resolve("mine.db");
        Services s = open(db);
        try {
            assertThatThrownBy(() -> s.sandbox().build(SCENARIO,
                    SandboxService.Variant.VERSIONED)).isInstanceOf(RewindException.class)
                    .hasMessageContaining("own temporary folder");
        } finally {
            s.close();
        }
        SandboxService.discard(db);
        assertThat(db).exists();
    }
}

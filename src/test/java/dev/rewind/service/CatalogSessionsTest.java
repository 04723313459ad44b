package dev.rewind.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.RewindException;
import dev.rewind.service.CatalogSessions.Note;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogSessionsTest {
    @TempDir
    Path dir;

    private final CatalogSessions sessions = new CatalogSessions(SqliteCatalog::open, new Actor("tester", "test-host"),
            Clock.systemUTC());

    /** Production serves 2.0, but a crash came between the commit of that move and the switch of its serving dir. */
    private Fixture interruptedSwitch() throws Exception {
        Fixture f = Fixture.deployedThrice(dir);
        f.close();
        CatalogDump.exec(f.db, "INSERT INTO pending_switches(event_id, target_id) SELECT max(id),"
                + " (SELECT id FROM targets WHERE name='production') FROM events");
        Files.delete(f.serving.resolve("current"));
        return f;
    }

    @Test
    void anInterruptedSwitchIsFinishedAndNotedAsRepaired() throws Exception {
        Fixture f = interruptedSwitch();
        CatalogSessions.Opened opened = sessions.open(f.db, OpenMode.EXISTING);
        try (Services s = opened.services()) {
            assertThat(opened.created()).isFalse();
            assertThat(opened.notes()).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(Note.Kind.REPAIRED);
                assertThat(n.text()).startsWith("switched " + f.serving).contains("m 2.0");
            });
            assertThat(f.serving.resolve("current")).hasContent("weights of 2.0");
            assertThat(s.verifier().verify(false).problems()).isEmpty();
        }
    }

    @Test
    void openedAsItIsNothingIsRepaired() throws Exception {
        Fixture f = interruptedSwitch();
        CatalogSessions.Opened opened = sessions.open(f.db, OpenMode.AS_IS);
        try (Services s = opened.services()) {
            assertThat(opened.notes()).isEmpty();
            assertThat(f.serving.resolve("current")).doesNotExist();
            assertThat(s.verifier().verify(false).problems()).isNotEmpty();
        }
    }

    @Test
    void aServingDirThatCannotBeSwitchedIsAWarningAndTheCatalogStillOpens() throws Exception {
        Fixture f = interruptedSwitch();
        // a plain file where Rewind's link belongs: Rewind refuses to replace it (permissions would not stop root)
        Files.writeString(f.serving.resolve("current"), "someone else's file");
        CatalogSessions.Opened opened = sessions.open(f.db, OpenMode.EXISTING);
        try (Services s = opened.services()) {
            assertThat(opened.notes()).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(Note.Kind.WARNING);
                assertThat(n.text()).contains("could not be switched").contains("is not a symbolic link")
                        .doesNotContain("\n");
            });
            assertThat(s.registry().models()).hasSize(1);
            assertThat(f.serving.resolve("current")).hasContent("someone else's file");
        }
    }

    @Test
    void aMissingFileIsUnreadableUnlessTheModeCreatesIt() {
        Path missing = dir.resolve("nothing.db");
        for (OpenMode mode : new OpenMode[] {OpenMode.EXISTING, OpenMode.AS_IS}) {
            assertThatThrownBy(() -> sessions.open(missing, mode)).isInstanceOf(RewindException.class)
                    .hasMessageContaining("no catalog at")
                    .satisfies(e -> assertThat(((RewindException) e).exitCode())
                            .isEqualTo(RewindException.CATALOG_UNREADABLE));
        }
        assertThat(missing).doesNotExist();
    }

    @Test
    void createEmptyMakesAnEmptyCatalogOnce() {
        Path db = dir.resolve("empty.db");
        CatalogSessions.Opened first = sessions.open(db, OpenMode.CREATE_EMPTY);
        try (Services s = first.services()) {
            assertThat(first.created()).isTrue();
            assertThat(first.notes()).isEmpty();
            assertThat(s.registry().models()).isEmpty();
            assertThat(s.location()).isEqualTo(db.toAbsolutePath().normalize());
        }
        CatalogSessions.Opened again = sessions.open(db, OpenMode.CREATE_EMPTY);
        again.services().close();
        assertThat(again.created()).isFalse();
    }

    @Test
    void demoIfMissingCreatesTheDemoOnFirstOpenOnly() {
        Path db = dir.resolve("first-start.db");
        CatalogSessions.Opened first = sessions.open(db, OpenMode.DEMO_IF_MISSING);
        int models;
        try (Services s = first.services()) {
            assertThat(first.created()).isTrue();
            models = s.registry().models().size();
            assertThat(models).isGreaterThan(1);
        }
        CatalogSessions.Opened again = sessions.open(db, OpenMode.DEMO_IF_MISSING);
        try (Services s = again.services()) {
            assertThat(again.created()).isFalse();
            assertThat(s.registry().models()).hasSize(models);
        }
    }
}

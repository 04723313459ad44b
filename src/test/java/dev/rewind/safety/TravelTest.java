package dev.rewind.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.service.Services;
import dev.rewind.support.ChildJvm;
import dev.rewind.support.Fixture;
import dev.rewind.support.TagAndHangWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "One file" holds: catalog.db copied alone, while a writer is open or after it was killed, has every change. */
class TravelTest {
    @TempDir
    Path dir;

    @Test
    void theMainFileCopiedAloneAfterAKilledWriterHoldsTheChange() throws Exception {
        Path db;
        try (Fixture f = new Fixture(Files.createDirectories(dir.resolve("home")))) {
            db = f.db;
        }
        ChildJvm child = ChildJvm.start(dir.resolve("native"), TagAndHangWorker.class, db.toString(), "killed");
        assertThat(child.awaitReady(60)).as(String.join("\n", child.lines())).isTrue();
        Path copy = copyAlone(db, "after-kill");
        child.kill();
        assertThat(tagIn(copy)).isEqualTo("killed");
    }

    @Test
    void theMainFileCopiedAloneWhileTheWriterIsStillOpenHoldsEveryChange() throws Exception {
        try (Fixture f = new Fixture(Files.createDirectories(dir.resolve("home")))) {
            f.services.registry().tag("m", "1.1", "travel", "open", null);
            assertThat(Files.exists(Path.of(f.db + "-wal"))).as("the writer still has its WAL").isTrue();
            assertThat(tagIn(copyAlone(f.db, "while-open"))).isEqualTo("open");
        }
    }

    private Path copyAlone(Path db, String name) throws Exception {
        Path to = Files.createDirectories(dir.resolve(name)).resolve("catalog.db");
        Files.copy(db, to);
        return to;
    }

    private static String tagIn(Path copy) {
        try (var c = SqliteCatalog.openReadOnly(copy)) {
            Services s = new Services(c, new Actor("reader", "h"), Clock.systemUTC());
            return s.registry().versions("m").stream().filter(v -> v.label().equals("1.1")).findFirst()
                    .orElseThrow().tags().get("travel");
        }
    }
}

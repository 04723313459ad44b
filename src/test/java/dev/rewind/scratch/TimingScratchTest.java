package dev.rewind.scratch;

import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.service.DemoService;
import dev.rewind.service.Services;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimingScratchTest {
    @TempDir Path dir;
    @Test
    void time() {
        for (int i = 0; i < 4; i++) {
            Path db = dir.resolve("d" + i + ".db");
            long t0 = System.nanoTime();
            try (Services s = new Services((i >= 2 ? SqliteCatalog.open(db, true, (a, h) -> new dev.rewind.catalog.EventSigner.Seal("k", "p", "s")) : SqliteCatalog.open(db, true)), new Actor("ana", "h"), Clock.systemUTC())) {
                s.demo().create(DemoService.Scale.SMALL, 42);
                long t1 = System.nanoTime();
                var r = s.verifier().verify(false);
                long t2 = System.nanoTime();
                System.out.println("TIMING demo " + (t1 - t0) / 1_000_000 + " ms, verify " + (t2 - t1) / 1_000_000
                        + " ms, problems " + r.problems().size() + " events " + s.history().getClass());
            }
        }
    }
}

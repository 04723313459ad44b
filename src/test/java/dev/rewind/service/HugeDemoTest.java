package dev.rewind.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.support.CatalogDump;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The huge demo's code path at a small size: same seed, same rows; and the catalog it writes is sound. */
class HugeDemoTest {
    private static final HugeDemo.Size SMALL = new HugeDemo.Size(5, 3_000, 400, 10, 8);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void theSameSeedWritesTheSameRowsAndAnotherSeedDoesNot() throws Exception {
        List<Long> progress = new ArrayList<>();
        String a = digest(write("a.db", 7, progress));
        String b = digest(write("b.db", 7, new ArrayList<>()));
        String c = digest(write("c.db", 8, new ArrayList<>()));
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
        assertThat(progress).isSorted().endsWith(3_400L);
    }

    @Test
    void theGiantModelHasItsVersionsCurvesMovesAndASoundChain() {
        Path db = write("d.db", 1, new ArrayList<>());
        try (SqliteCatalog catalog = SqliteCatalog.open(db, false)) {
            Services s = new Services(catalog, new Actor("t", "h"), CLOCK);
            assertThat(s.registry().timelineRows(HugeDemo.GIANT)).hasSize(3_000);
            assertThat(s.registry().curve(HugeDemo.GIANT, "0.0.0", "train_loss")).hasSize(8);
            assertThat(s.registry().show(HugeDemo.GIANT, "2.99.9").metrics()).containsKey("auc");
            assertThat(s.history().lanes(HugeDemo.GIANT)).hasSize(3)
                    .allSatisfy(l -> assertThat(l.segments().size()).isGreaterThan(100));
            assertThat(s.registry().models()).hasSize(5);
            assertThat(s.verifier().verify(false).problems()).isEmpty();
        }
    }

    private Path write(String name, long seed, List<Long> progress) {
        Path db = dir.resolve(name);
        try (SqliteCatalog catalog = SqliteCatalog.open(db, true)) {
            DemoService.Summary s = new DemoService(catalog, CLOCK).createHuge(seed, SMALL,
                    (done, total) -> progress.add(done));
            assertThat(s.versions()).isEqualTo(3_400);
            assertThat(s.metricValues()).isEqualTo(3_400 * 6 + 340 * 8);
        }
        return db;
    }

    /**
     * The demo's rows without the chain's own tables and columns: those hold this catalog's random id and signatures
     * by the local key, which differ between catalogs by design (a chain cannot be spliced into another catalog).
     */
    private static String digest(Path db) throws Exception {
        Path copy = db.resolveSibling("content-" + db.getFileName());
        java.nio.file.Files.copy(db, copy);
        CatalogDump.exec(copy, CatalogDump.WITHOUT_CHAIN.toArray(String[]::new));
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(CatalogDump.of(copy).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha);
    }
}

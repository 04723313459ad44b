package dev.rewind.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.sqlite.SqliteCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import runs in bounded memory: a child JVM with a 128 MB heap imports a store of 1.5 million metric values.
 * Holding the store before writing it, as the first importer did, needs about 1.5 million points of ~150 bytes
 * each (the values read, then copied by the name policy) and dies with OutOfMemoryError there.
 */
class ImportMemoryBoundTest {
    private static final int RUNS = 150;
    private static final int METRICS = 10;
    private static final int STEPS = 1000;

    @TempDir
    Path dir;

    @Test
    void aStoreLargerThanTheHeapImportsUnderXmx128m() throws Exception {
        Path store = MlflowDbGenerator.generate(dir.resolve("store"), RUNS, METRICS, STEPS, 7);
        Path db = dir.resolve("catalog.db");
        Path tmp = Files.createDirectories(dir.resolve("sqlite-tmp"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Dorg.sqlite.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                ImportInSmallHeap.class.getName(), store.toString(), db.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        System.out.println("child JVM (-Xmx128m): " + out.strip());

        long values = (long) RUNS * METRICS * STEPS + (long) RUNS * METRICS; // every step, and each key's latest
        assertThat(out).doesNotContain("OutOfMemoryError")
                .contains("imported " + RUNS + " versions, " + values + " metric values");
        assertThat(p.exitValue()).as(out).isZero();
        try (SqliteCatalog c = SqliteCatalog.open(db, false)) {
            var versions = c.read(tx -> tx.versions().list(MlflowDbGenerator.MODEL));
            assertThat(versions).hasSize(RUNS);
            var curve = c.read(tx -> tx.versions().metricSteps(versions.get(RUNS - 1).id(), "metric_3"));
            assertThat(curve).hasSize(STEPS);
            assertThat(curve.get(STEPS - 1).value()).isEqualTo(MlflowDbGenerator.value(7, RUNS - 1, 3, STEPS - 1));
        }
    }
}

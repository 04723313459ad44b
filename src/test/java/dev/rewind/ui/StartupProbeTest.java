package dev.rewind.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --startup-probe [--model NAME]} as the benchmarks run it: a window of its own (a child JVM under Monocle's
 * headless platform) on the demo catalog, which prints its figures and exits; the model asked for may be the one the
 * window shows first (loaded again) or another, and one the catalog does not have is named.
 */
class StartupProbeTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void demo() throws Exception {
        rewind("demo", "--catalog", dir.resolve("demo.db").toString());
        assertThat(dir.resolve("demo.db")).exists();
    }

    @Test
    void theModelShownFirstAndAnotherEachPrintTheirFigures() throws Exception {
        for (String model : List.of("churn-predictor", "search-ranker")) {
            String out = rewind("--catalog", dir.resolve("demo.db").toString(), "--startup-probe", "--model", model);
            assertThat(out).as(model).containsPattern("(?m)^startup-ms \\d+$").containsPattern("(?m)^model-ms \\d+$");
        }
        assertThat(rewind("--catalog", dir.resolve("demo.db").toString(), "--startup-probe"))
                .containsPattern("(?m)^startup-ms \\d+$").doesNotContain("model-ms");
    }

    @Test
    void aModelTheCatalogDoesNotHaveIsNamed() throws Exception {
        assertThat(rewind("--catalog", dir.resolve("demo.db").toString(), "--startup-probe", "--model", "nope"))
                .contains("rewind: --startup-probe: no model 'nope' in this catalog").doesNotContain("model-ms");
    }

    /** Runs Rewind in a child JVM (the test's class path, Monocle headless); its output, once it exited with 0. */
    private static String rewind(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Duser.home=" + dir.resolve("home"), "-Dorg.sqlite.tmpdir=" + dir,
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-cp", System.getProperty("java.class.path"), "dev.rewind.Main"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish in 120 s: " + String.join(" ", command));
        }
        String text = Files.readString(out);
        assertThat(p.exitValue()).as("exit code of %s; it printed:%n%s", String.join(" ", args), text).isZero();
        return text;
    }
}

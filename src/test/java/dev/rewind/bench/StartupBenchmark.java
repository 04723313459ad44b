package dev.rewind.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.service.DemoService;
import dev.rewind.service.Services;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's start-up figures, side by side in one run, alternating, each in a child JVM with the test's java:
 * the bare-JavaFX floor ({@link BareWindow}, the same JavaFX jars), Rewind's {@code --startup-probe} on the huge
 * catalog as plain {@code java -jar} and as the README's run command (its class-data archive target/rewind.jsa and
 * {@code -XX:TieredStopAtLevel=1}), and {@code --model recsys-ranker-xl}'s model-ms (the README's run command).
 * Under $DISPLAY when set, else all of them under Monocle's headless platform (so the ratio is fair).
 * {@code -Drewind.huge=FILE} (default /work/bench/huge.db if present, else target/huge-demo.db, made once),
 * {@code -Drewind.rounds=N} (5). Run with {@code mvn -o -Pbench test -Dtest=StartupBenchmark} after
 * {@code mvn -o package}.
 */
@Tag("benchmark")
class StartupBenchmark {
    private static final String MODEL = "recsys-ranker-xl";
    private static final Pattern FIGURE = Pattern.compile("^(floor-ms|startup-ms|model-ms) (\\d+)$", Pattern.MULTILINE);
    private final Path work = Path.of("target/startup-bench").toAbsolutePath();
    private Path keys;

    @Test
    void startUpAgainstTheBareJavaFxFloor() throws Exception {
        Files.createDirectories(work);
        Path huge = hugeCatalog();
        keys = Files.isDirectory(huge.resolveSibling("keys")) ? huge.resolveSibling("keys") : null;
        Path jar = Path.of(System.getProperty("rewind.jar", "target/rewind.jar")).toAbsolutePath();
        Path archive = jar.resolveSibling("rewind.jsa");
        assertThat(jar).as("mvn -o package first").exists();
        boolean headless = System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank();
        List<String> cp = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> fx = cp.stream().filter(e -> e.contains("openjfx") && !e.contains("monocle")).toList();
        String monocle = cp.stream().filter(e -> e.contains("openjfx-monocle")).findFirst().orElseThrow();
        List<String> platform = headless ? List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw") : List.of();

        List<String> floor = new ArrayList<>(platform);
        List<String> floorCp = new ArrayList<>(fx);
        floorCp.add(0, Path.of("target/test-classes").toAbsolutePath().toString());
        if (headless) {
            floorCp.add(monocle);
        }
        floor.addAll(List.of("-cp", String.join(File.pathSeparator, floorCp), BareWindow.class.getName()));
        List<String> app = new ArrayList<>(platform);
        // under Monocle its jar joins the class path (after the app's jar, which the archive recorded first)
        app.addAll(headless ? List.of("-cp", jar + File.pathSeparator + monocle, "dev.rewind.Main")
                : List.of("-jar", jar.toString()));
        app.addAll(List.of("--catalog", huge.toString(), "--startup-probe"));
        // the README's run command: the archive, the quick compiler only and a young generation of at least 256 MiB
        // (the installed launcher's options too)
        List<String> cds = List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-XX:NewSize=256m");
        Map<String, List<String>> runs = new LinkedHashMap<>();
        runs.put("floor", floor);
        runs.put("plain", app);
        if (Files.exists(archive)) {
            runs.put("cds", concat(cds, app));
        }
        runs.put("model", concat(Files.exists(archive) ? cds : List.of(), concat(app, List.of("--model", MODEL))));

        System.out.printf("startup: %s, %s, java %s, catalog %s, load %s%n", headless ? "Monocle headless"
                : "DISPLAY=" + System.getenv("DISPLAY"), Files.exists(archive) ? "archive " + archive : "no archive",
                System.getProperty("java.version"), huge, load());
        runs.forEach((name, args) -> run(name, args)); // warm-up: native-library caches, page cache
        int rounds = Integer.getInteger("rewind.rounds", 5);
        Map<String, List<Long>> ms = new LinkedHashMap<>();
        List<Long> modelMs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (var e : runs.entrySet()) {
                Map<String, Long> figures = run(e.getKey(), e.getValue());
                long first = figures.getOrDefault("floor-ms", figures.getOrDefault("startup-ms", -1L));
                ms.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(first);
                line.append(' ').append(e.getKey()).append(' ').append(first);
                if (figures.containsKey("model-ms")) {
                    modelMs.add(figures.get("model-ms"));
                    line.append(" (model-ms ").append(figures.get("model-ms")).append(')');
                }
            }
            System.out.println(line);
        }
        double floorMs = median(ms.get("floor"));
        StringBuilder summary = new StringBuilder("median ms: floor " + (long) floorMs);
        for (String k : List.of("plain", "cds", "model")) {
            if (ms.containsKey(k)) {
                summary.append(String.format(", %s %d (%.2f× floor)", k, (long) median(ms.get(k)),
                        median(ms.get(k)) / floorMs));
            }
        }
        System.out.println(summary + String.format(", model-ms %d; load %s", (long) median(modelMs), load()));
        assertThat(modelMs).as("model-ms of " + MODEL).hasSize(rounds).allMatch(m -> m > 0);
        sqlite3Ratio(huge, median(modelMs));
    }

    /** model-ms against the sqlite3 shell running the first paint's statements on the same file, median of 5. */
    private static void sqlite3Ratio(Path huge, double modelMs) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/sqlite3"))) {
            System.out.println("no /usr/bin/sqlite3: model-ms without its reference");
            return;
        }
        double shell = Sqlite3Shell.medianMs(huge, MODEL, 5, false);
        System.out.printf("model-ms %d against sqlite3-ms %.0f (the first paint's plain statements, median of 5): "
                + "ratio %.2f; load %s%n", (long) modelMs, shell, modelMs / shell, load());
    }

    /** Runs one child JVM; returns the figures it printed, failing if it printed none or failed. */
    private Map<String, Long> run(String name, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // one home for every child: the same JavaFX native-library cache, and nothing written to the real one
        command.add("-Duser.home=" + work.resolve("home"));
        command.addAll(args);
        try {
            Path out = work.resolve(name + ".out");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            // the keys made with the huge catalog (a keys folder beside it), else the ones the tests use
            if (keys != null) {
                pb.environment().put("REWIND_KEYS_DIR", keys.toString());
            }
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(name + " did not finish in 300 s: " + command);
            }
            String text = Files.readString(out);
            Map<String, Long> figures = new LinkedHashMap<>();
            Matcher m = FIGURE.matcher(text);
            while (m.find()) {
                figures.put(m.group(1), Long.parseLong(m.group(2)));
            }
            assertThat(p.exitValue()).as(name + " exit code; it printed:\n" + text).isZero();
            assertThat(figures).as(name + " printed no figure:\n" + text).isNotEmpty();
            return figures;
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Path hugeCatalog() {
        String given = System.getProperty("rewind.huge");
        Path shared = Path.of("/work/bench/huge.db");
        Path db = given != null ? Path.of(given) : Files.exists(shared) ? shared : Path.of("target/huge-demo.db");
        if (!Files.exists(db)) { // as HugeTimelineBenchmark makes it (minutes), with the test keys
            try (SqliteCatalog c = SqliteCatalog.open(db, true)) {
                new Services(c, new Actor("bench", "h"), Clock.systemUTC()).demo().create(DemoService.Scale.HUGE, 42);
            }
        }
        return db.toAbsolutePath();
    }

    private static String load() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double median(List<Long> xs) {
        long[] a = xs.stream().mapToLong(Long::longValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2.0;
    }
}

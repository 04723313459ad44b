package dev.rewind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.sqlite.NativeLibrary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process around a command: the native library cache, and errors that escape as one line plus a log entry. */
class TopLevelTest {
    private static final List<String> SQLITE_PROPERTIES = List.of("org.sqlite.lib.path", "org.sqlite.lib.name",
            "org.sqlite.tmpdir");

    @TempDir
    Path dir;

    @Test
    void theNativeLibraryIsExtractedOnceAndReused() throws Exception {
        Map<String, String> saved = saveSqliteProperties();
        try {
            Path dirUsed = NativeLibrary.useCache(dir.resolve("cache")).orElseThrow();
            Path lib = dirUsed.resolve(System.getProperty("org.sqlite.lib.name"));
            assertThat(lib).isRegularFile();
            assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo(dirUsed.toString());
            Files.setLastModifiedTime(lib, FileTime.fromMillis(1_000_000));
            clear();
            assertThat(NativeLibrary.useCache(dir.resolve("cache"))).contains(dirUsed);
            assertThat(Files.getLastModifiedTime(lib).toMillis()).as("not written again").isEqualTo(1_000_000);
            try (Stream<Path> s = Files.list(dirUsed)) {
                assertThat(s.count()).as("no temporary copies left").isEqualTo(1);
            }
        } finally {
            restore(saved);
        }
    }

    @Test
    void aUsersOwnSettingIsKept() {
        Map<String, String> saved = saveSqliteProperties();
        try {
            System.setProperty("org.sqlite.tmpdir", dir.toString());
            assertThat(NativeLibrary.useCache(dir.resolve("cache"))).isEqualTo(Optional.empty());
            assertThat(System.getProperty("org.sqlite.lib.path")).isNull();
        } finally {
            restore(saved);
        }
    }

    @Test
    void outOfMemoryIsOneLineAndALogEntry() throws IOException {
        Logger root = LogManager.getLogManager().getLogger("");
        Handler[] before = root.getHandlers();
        Path log = dir.resolve("rewind.log");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            TopLevel.logTo(log, Map.of());
            int code = TopLevel.guarded(() -> {
                throw new OutOfMemoryError("Java heap space");
            }, new PrintStream(err, true, StandardCharsets.UTF_8), log);
            assertThat(code).isEqualTo(1);
        } finally {
            for (Handler h : root.getHandlers()) {
                root.removeHandler(h);
            }
            for (Handler h : before) {
                root.addHandler(h);
            }
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines()).hasSize(1);
        assertThat(printed).startsWith("rewind: out of memory").contains(log.toString()).doesNotContain("\tat ");
        assertThat(Files.readString(log)).contains("java.lang.OutOfMemoryError: Java heap space").contains("\tat ");
    }

    @Test
    void simultaneousStartsPrintNothingAndLeaveNoLitter() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path home = Files.createDirectories(dir.resolve("home"));
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", runtimeClassPath(), "-Djava.io.tmpdir=" + tmp, "-Duser.home=" + home,
                    "-Djava.awt.headless=true", Main.class.getName(), "--catalog", dir.resolve("c" + i + ".db").toString(),
                    "init");
            pb.environment().remove("XDG_CACHE_HOME");
            pb.redirectOutput(dir.resolve("out" + i).toFile()).redirectError(dir.resolve("err" + i).toFile());
            ps.add(pb.start());
        }
        for (int i = 0; i < ps.size(); i++) {
            assertThat(ps.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(dir.resolve("err" + i))).as("stderr of start " + i).isEmpty();
            assertThat(ps.get(i).exitValue()).isZero();
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("sqlite-"));
        }
        try (Stream<Path> s = Files.walk(home.resolve(".cache/rewind/sqlite-native"))) {
            assertThat(s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactly(System.mapLibraryName("sqlitejdbc"));
        }
    }

    /** The test class path without slf4j, which only test libraries bring (the shipped program has none). */
    private static String runtimeClassPath() {
        String sep = java.io.File.pathSeparator;
        return String.join(sep, Stream.of(System.getProperty("java.class.path").split(sep))
                .filter(e -> !e.contains("slf4j")).toList());
    }

    private static Map<String, String> saveSqliteProperties() {
        Map<String, String> saved = new java.util.HashMap<>();
        SQLITE_PROPERTIES.forEach(p -> saved.put(p, System.getProperty(p)));
        clear();
        return saved;
    }

    private static void clear() {
        SQLITE_PROPERTIES.forEach(System::clearProperty);
    }

    private static void restore(Map<String, String> saved) {
        clear();
        saved.forEach((k, v) -> {
            if (v != null) {
                System.setProperty(k, v);
            }
        });
    }

}

package dev.rewind;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log keeps stack traces and stays a few MB: past its limit it rotates, keeping three files at most. */
class RotatingLogTest {
    @TempDir
    Path dir;

    @Test
    void aFullLogRotatesAndOnlyThreeFilesAreKept() throws Exception {
        Path file = dir.resolve("logs/rewind.log");
        RotatingLog log = new RotatingLog(file, 2_000);
        for (int i = 0; i < 80; i++) {
            LogRecord r = new LogRecord(Level.WARNING, "record " + i + " " + "x".repeat(60));
            r.setLoggerName("test");
            log.publish(r);
        }
        LogRecord r = new LogRecord(Level.SEVERE, "record 39");
        r.setLoggerName("test");
        r.setThrown(new IllegalStateException("failure 39"));
        log.publish(r);
        assertThat(Files.readString(file)).contains("record 39").contains("java.lang.IllegalStateException: failure 39")
                .contains("\tat ");
        assertThat(log.generation(1)).exists();
        assertThat(log.generation(2)).exists();
        assertThat(log.generation(3)).doesNotExist();
        try (var s = Files.list(file.getParent())) {
            assertThat(s.count()).isEqualTo(3);
        }
        for (Path p : new Path[] {log.generation(1), log.generation(2)}) {
            assertThat(Files.size(p)).as("a full file holds its limit and one record more").isBetween(2_000L, 2_200L);
        }
        assertThat(Files.readString(log.generation(2))).doesNotContain("record 79");
    }

    @Test
    void theDefaultLimitIsAFewMegabytes() {
        assertThat(RotatingLog.LIMIT).isBetween(1L << 20, 8L << 20);
    }
}

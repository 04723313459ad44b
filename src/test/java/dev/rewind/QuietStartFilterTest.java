package dev.rewind;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class QuietStartFilterTest {
    private static LogRecord record(String logger, String message) {
        LogRecord r = new LogRecord(Level.WARNING, message);
        r.setLoggerName(logger);
        return r;
    }

    @Test
    void dropsOnlyJavaFxsClassPathNote() {
        QuietStartFilter f = new QuietStartFilter();
        assertThat(f.isLoggable(record("javafx",
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'"))).isFalse();
        assertThat(f.isLoggable(record("javafx", "Unsupported JavaFX configuration: something else"))).isTrue();
        assertThat(f.isLoggable(record("javafx.css", "Could not resolve '-fx-body-color'"))).isTrue();
        assertThat(f.isLoggable(record("dev.rewind.Main",
                "Unsupported JavaFX configuration: classes were loaded from x"))).isTrue();
        assertThat(f.isLoggable(record("javafx", null))).isTrue();
    }
}

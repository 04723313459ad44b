package dev.rewind;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops the one note JavaFX logs on every start when it runs from the class path ("Unsupported JavaFX
 * configuration: classes were loaded from 'unnamed module'"). Rewind runs it so by design: the jar is one file
 * and {@link Main} is not an {@code Application} (installer/README.md). Everything else passes. The tests'
 * logging.properties names this class too.
 */
public final class QuietStartFilter implements Filter {
    @Override
    public boolean isLoggable(LogRecord r) {
        String m = r.getMessage();
        return !("javafx".equals(r.getLoggerName()) && m != null
                && m.startsWith("Unsupported JavaFX configuration: classes were loaded from"));
    }
}

package dev.rewind.ui.common;

import dev.rewind.domain.RewindException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What the window shows for a failure: a {@link RewindException} is the one line it already is; anything else is
 * a bug, so it is logged with its stack trace and shown as one line with the trace as details.
 */
public record Failure(String message, String details) {
    private static final System.Logger LOG = System.getLogger(Failure.class.getName());

    /** {@code details} is null for an expected failure (a refusal, a bad input, an unreadable catalog). */
    public static Failure of(Throwable t) {
        if (t instanceof RewindException) {
            return new Failure(t.getMessage(), null);
        }
        LOG.log(System.Logger.Level.ERROR, "unexpected error in the window", t);
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return new Failure("Unexpected error: " + oneLine(t), trace.toString());
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? "" : t.getMessage().strip();
        int nl = m.indexOf('\n');
        String first = nl < 0 ? m : m.substring(0, nl).strip();
        return t.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first);
    }
}

package dev.rewind;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * What the process does around a command: logs go to {@code ~/.rewind/rewind.log} (a user sees one line, the
 * log keeps the stack trace), and any error that escapes — {@link OutOfMemoryError} included — ends in one
 * line and exit code 1.
 */
final class TopLevel {
    private static final System.Logger LOG = System.getLogger(TopLevel.class.getName());

    private TopLevel() {
    }

    /** {@code $XDG_CACHE_HOME/rewind}, else {@code ~/.cache/rewind}. */
    static Path cacheDir(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("rewind");
    }

    /** Sends every log record to {@code logFile} instead of the console (unless REWIND_DEBUG is set). */
    static void logTo(Path logFile, Map<String, String> env) {
        if (env.containsKey("REWIND_DEBUG")) {
            return;
        }
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.addHandler(new RotatingLog(logFile));
    }

    /** Runs the program; what escapes it is one line on {@code err} and a log entry. */
    static int guarded(IntSupplier program, PrintStream err, Path logFile) {
        try {
            return program.getAsInt();
        } catch (OutOfMemoryError e) {
            LOG.log(System.Logger.Level.ERROR, "out of memory", e);
            err.println("rewind: out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB heap); run"
                    + " with a larger heap, e.g. JAVA_TOOL_OPTIONS=-Xmx2g (details in " + logFile + ")");
            return 1;
        } catch (Throwable e) {
            LOG.log(System.Logger.Level.ERROR, "unexpected error", e);
            err.println("rewind: unexpected error: " + oneLine(e) + " (details in " + logFile + ")");
            return 1;
        }
    }

    /** An error on another thread (the window's, a background task's) is logged and shown as one line. */
    static void handleStrayErrors(PrintStream err, Path logFile) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            LOG.log(System.Logger.Level.ERROR, "uncaught on thread " + t.getName(), e);
            err.println("rewind: unexpected error on " + t.getName() + ": " + oneLine(e) + " (details in " + logFile + ")");
        });
    }

    static String oneLine(Throwable e) {
        String m = String.valueOf(e);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}

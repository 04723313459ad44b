package dev.rewind;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * The log file: each record is appended and the file closed again, so no lock file is left behind by a killed
 * process (java.util.logging's FileHandler leaves one). Past {@link #LIMIT} bytes the file moves to
 * {@code rewind.log.1} (the older one to {@code .2}), so the log never holds more than three files.
 */
public final class RotatingLog extends Handler {
    static final long LIMIT = 2L << 20;
    static final int KEEP = 2;

    private final Path file;
    private final long limit;

    public RotatingLog(Path file) {
        this(file, LIMIT);
    }

    RotatingLog(Path file, long limit) {
        this.file = file;
        this.limit = limit;
        setLevel(Level.INFO);
        setFilter(new QuietStartFilter());
    }

    @Override
    public synchronized void publish(LogRecord r) {
        if (!isLoggable(r)) {
            return;
        }
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        w.println(Instant.ofEpochMilli(r.getMillis()) + " " + r.getLevel() + " " + r.getLoggerName() + ": "
                + r.getMessage());
        if (r.getThrown() != null) {
            r.getThrown().printStackTrace(w);
        }
        w.flush();
        try {
            Files.createDirectories(file.getParent());
            rotateIfFull();
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // nowhere left to report to: the one-line message has already been printed
        }
    }

    private void rotateIfFull() throws IOException {
        if (!Files.exists(file) || Files.size(file) < limit) {
            return;
        }
        for (int i = KEEP; i > 1; i--) {
            Path older = generation(i - 1);
            if (Files.exists(older)) {
                Files.move(older, generation(i), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, generation(1), StandardCopyOption.REPLACE_EXISTING);
    }

    Path generation(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}

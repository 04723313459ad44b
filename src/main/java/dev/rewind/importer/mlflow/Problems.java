package dev.rewind.importer.mlflow;

import dev.rewind.domain.RewindException;
import java.util.ArrayList;
import java.util.List;

/**
 * Broken entries found while reading a store: all are collected and the store is refused whole, so one run
 * names every problem instead of the first, and nothing is coerced or skipped silently.
 */
final class Problems {
    private static final int SHOWN = 8;

    private final String store;
    private final List<String> found = new ArrayList<>();

    Problems(String store) {
        this.store = store;
    }

    /** Records a refusal raised for one entry (its "cannot import store: " prefix is dropped). */
    void add(RewindException e) {
        String m = e.getMessage();
        String prefix = "cannot import " + store + ": ";
        add(m.startsWith(prefix) ? m.substring(prefix.length()) : m);
    }

    /** A run read for two versions reports its problems once. */
    void add(String problem) {
        if (!found.contains(problem)) {
            found.add(problem);
        }
    }

    /** Runs one entry's reading, recording its refusal instead of stopping. */
    void each(Runnable entry) {
        try {
            entry.run();
        } catch (RewindException e) {
            if (e.exitCode() != RewindException.BAD_INPUT) {
                throw e;
            }
            add(e);
        }
    }

    void throwIfAny() {
        if (found.isEmpty()) {
            return;
        }
        if (found.size() == 1) {
            throw RewindException.badInput("cannot import " + store + ": " + found.get(0));
        }
        String shown = String.join("; ", found.subList(0, Math.min(SHOWN, found.size())));
        String more = found.size() > SHOWN ? "; and " + (found.size() - SHOWN) + " more" : "";
        throw RewindException.badInput("cannot import " + store + ": " + found.size() + " broken entries: " + shown
                + more);
    }
}

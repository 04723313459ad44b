package dev.rewind.ui.common;

/** What running background work may tell the window (how far it got, what it does) and ask it (should it stop). */
public interface TaskContext {
    /** {@code total <= 0}: the amount of work is not known yet. */
    void updateProgress(long done, long total);

    void updateMessage(String message);

    /** Cancelling is cooperative: the work checks this and ends the way it chooses (usually by throwing). */
    boolean isCancelled();
}

package dev.rewind.domain;

import java.time.Duration;

/**
 * Tells a watcher (the window) that another connection or process committed a change to the catalog. A server
 * catalog pushes: {@link #await} blocks until the database says so. A file catalog can only be asked: its feed
 * checks once and returns, and the watcher asks again a moment later.
 */
public interface ChangeFeed extends AutoCloseable {

    /**
     * Whether a change was committed elsewhere since the feed was opened or last answered true. A pushing feed
     * waits up to {@code timeout} for one; a failure (a lost connection) is thrown as a {@link RewindException}.
     */
    boolean await(Duration timeout);

    /** Whether {@link #await} waits for the database to push a change, rather than checking once. */
    boolean pushes();

    @Override
    void close();
}

package dev.rewind.catalog.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The catalog's read connections: the first, which also answers what must come from one connection each time
 * ({@code PRAGMA data_version}, the integrity check, table copies: they hold its monitor, as reads on it do), and a
 * second, opened the first time two reads run at once, so that a model's versions and its lanes are read side by
 * side on two cores (WAL lets readers run together). A read waits only while both are busy.
 */
final class Readers implements AutoCloseable {
    /** Opens a connection like the first one. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    /** Work on a connection. */
    @FunctionalInterface
    interface OnConnection<T> {
        T run(Connection c);
    }

    /** How long a read waits before it looks for a free connection again. */
    private static final long WAIT_NANOS = 500_000;

    private final Connection first;
    private final Opener opener;
    private final ReentrantLock firstLock = new ReentrantLock();
    private final ReentrantLock secondLock = new ReentrantLock();
    private Connection second;
    private boolean closed;

    Readers(Connection first, Opener opener) {
        this.first = first;
        this.opener = opener;
    }

    Connection first() {
        return first;
    }

    /**
     * Runs {@code work} on whichever connection is free, the first one preferred; when both are busy, on the first
     * to come free. (Waiting for the first alone kept a model's versions waiting seconds behind a long read there —
     * the model list's descriptions on a million versions — while the second came free at once.)
     */
    <T> T read(OnConnection<T> work) throws SQLException {
        while (true) {
            if (firstLock.tryLock()) {
                try {
                    synchronized (first) {
                        return work.run(first);
                    }
                } finally {
                    firstLock.unlock();
                }
            }
            if (secondLock.tryLock()) {
                try {
                    return work.run(second());
                } finally {
                    secondLock.unlock();
                }
            }
            // both busy: reads take milliseconds to seconds, so a short sleep costs nothing noticeable
            LockSupport.parkNanos(WAIT_NANOS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for a read connection");
            }
        }
    }

    /** Called holding the second lock. */
    private Connection second() throws SQLException {
        if (closed) {
            throw new SQLException("the catalog is closed");
        }
        if (second == null) {
            second = opener.open();
        }
        return second;
    }

    @Override
    public void close() {
        secondLock.lock();
        try {
            closed = true;
            Connections.closeQuietly(second);
        } finally {
            secondLock.unlock();
        }
        Connections.closeQuietly(first);
    }
}

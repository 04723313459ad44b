package dev.rewind.catalog;

import dev.rewind.domain.ChangeFeed;
import java.time.Duration;
import java.util.function.LongSupplier;

/** The feed of a catalog that cannot push: each {@link #await} compares its change counter with the last seen. */
final class PollingChangeFeed implements ChangeFeed {
    private final LongSupplier counter;
    private long seen;

    PollingChangeFeed(LongSupplier counter) {
        this.counter = counter;
        this.seen = counter.getAsLong();
    }

    @Override
    public synchronized boolean await(Duration timeout) {
        long now = counter.getAsLong();
        if (now == seen) {
            return false;
        }
        seen = now;
        return true;
    }

    @Override
    public boolean pushes() {
        return false;
    }

    @Override
    public void close() {
        // nothing held: the counter is read through the catalog's own connection
    }
}

package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.domain.Lane;
import dev.rewind.domain.VersionRow;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Reads a model's light rows and its lanes at the same time, the lanes on a connection of their own
 * ({@link Catalog#separateReader}): on a model with 100,000 versions and as many moves each read takes hundreds of
 * milliseconds, mostly the driver's per-column calls, and the machine has a second core. The two reads are two
 * snapshots; a move committed in between only shows a lane ahead of the rows until the next reload, which the
 * change that made it triggers anyway.
 */
final class TimelineReader {
    private final Catalog catalog;
    private final RegistryService registry;

    TimelineReader(Catalog catalog, RegistryService registry) {
        this.catalog = catalog;
        this.registry = registry;
    }

    ModelTimeline read(String model) {
        FutureTask<List<Lane>> lanes = new FutureTask<>(() -> {
            try (Catalog own = catalog.separateReader()) {
                return new HistoryService(own).lanes(model);
            }
        });
        Thread aside = new Thread(lanes, "rewind-lanes");
        aside.setDaemon(true);
        aside.start();
        List<VersionRow> rows;
        try {
            rows = registry.timelineRows(model);
        } finally {
            // wait even when the rows failed: the aside connection must be closed before the caller goes on
            joinQuietly(aside);
        }
        try {
            return new ModelTimeline(rows, lanes.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the lanes of " + model, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("could not read the lanes of " + model, e.getCause());
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

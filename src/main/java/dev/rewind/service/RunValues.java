package dev.rewind.service;

import dev.rewind.catalog.BulkLoad;
import dev.rewind.domain.MetricValue;
import dev.rewind.importer.mlflow.LatestValues;
import dev.rewind.importer.mlflow.MlflowData;
import dev.rewind.importer.mlflow.MlflowStore;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Writes one run's values to an imported version: its history streamed from the store into the transaction's bulk
 * loader (which sends them in batches: memory holds one batch, not the run), then each key's latest value as the
 * version's summary; every value is a {@link MetricValue}, so the metric key rule checks each one. Checks for a
 * cancel every {@link #CANCEL_EVERY} values, and flushes at the end: the import event digests the rows as stored.
 */
final class RunValues {
    private static final int CANCEL_EVERY = 10_000;

    private final BulkLoad bulk;
    private final MlflowStore store;
    private final BooleanSupplier cancelled;
    private long written;

    RunValues(BulkLoad bulk, MlflowStore store, BooleanSupplier cancelled) {
        this.bulk = bulk;
        this.store = store;
        this.cancelled = cancelled;
    }

    /** Returns how many rows it wrote. */
    long write(long versionId, ImportPolicy.CheckedRun run) {
        LatestValues latest = new LatestValues();
        store.history(run.run().runId(), p -> {
            MlflowData.Point named = new MlflowData.Point(run.metricKey().apply(p.key()), p.value(), p.step(),
                    p.timestamp());
            latest.offer(named);
            add(versionId, new MetricValue(named.key(), named.value(), named.step(), ""));
        });
        Map<String, Double> summary = new TreeMap<>(run.run().latest());
        latest.fillInto(summary);
        summary.forEach((k, x) -> add(versionId, MetricValue.summary(k, x)));
        bulk.flush();
        if (cancelled.getAsBoolean()) {
            throw ImportService.cancelled();
        }
        return written;
    }

    private void add(long versionId, MetricValue m) {
        bulk.metric(versionId, m.key(), m.value(), m.step());
        if (++written % CANCEL_EVERY == 0 && cancelled.getAsBoolean()) {
            throw ImportService.cancelled();
        }
    }
}

package dev.rewind.service;

import dev.rewind.catalog.CatalogTx;
import dev.rewind.domain.MetricValue;
import dev.rewind.importer.mlflow.LatestValues;
import dev.rewind.importer.mlflow.MlflowData;
import dev.rewind.importer.mlflow.MlflowStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Writes one run's values to an imported version: its history streamed from the store in batches (memory holds one
 * batch, not the run), then each key's latest value as the version's summary. Checks for a cancel between batches.
 */
final class RunValues {
    private static final int BATCH = 10_000;

    private final CatalogTx tx;
    private final MlflowStore store;
    private final BooleanSupplier cancelled;
    private final List<MetricValue> batch = new ArrayList<>();
    private long written;

    RunValues(CatalogTx tx, MlflowStore store, BooleanSupplier cancelled) {
        this.tx = tx;
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
            batch.add(new MetricValue(named.key(), named.value(), named.step(), ""));
            if (batch.size() >= BATCH) {
                flush(versionId);
            }
        });
        Map<String, Double> summary = new TreeMap<>(run.run().latest());
        latest.fillInto(summary);
        summary.forEach((k, x) -> batch.add(MetricValue.summary(k, x)));
        flush(versionId);
        return written;
    }

    private void flush(long versionId) {
        tx.versions().addMetrics(versionId, batch);
        written += batch.size();
        batch.clear();
        if (cancelled.getAsBoolean()) {
            throw ImportService.cancelled();
        }
    }
}

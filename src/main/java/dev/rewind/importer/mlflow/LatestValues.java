package dev.rewind.importer.mlflow;

import java.util.HashMap;
import java.util.Map;

/**
 * MLflow's latest value of each metric, found while a run's history streams by: the maximum by
 * (step, timestamp, value). Holds one point per key, never the history.
 */
public final class LatestValues {
    private final Map<String, MlflowData.Point> best = new HashMap<>();

    public void offer(MlflowData.Point p) {
        best.merge(p.key(), p, (a, b) -> compare(a, b) >= 0 ? a : b);
    }

    /** Adds the latest value of each key {@code latest} has none for (a store's own record wins). */
    public void fillInto(Map<String, Double> latest) {
        best.forEach((k, p) -> latest.putIfAbsent(k, p.value()));
    }

    private static int compare(MlflowData.Point a, MlflowData.Point b) {
        int c = Long.compare(a.step(), b.step());
        if (c == 0) {
            c = Long.compare(a.timestamp(), b.timestamp());
        }
        if (c == 0) {
            c = Double.compare(a.value(), b.value());
        }
        return c;
    }
}

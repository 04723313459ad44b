package dev.rewind.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Comparison of the summary metrics of two versions. */
public final class Metrics {
    private Metrics() {
    }

    /** One delta per key present in either version, in key order; directions come from {@code directions}. */
    public static List<MetricDelta> deltas(Version baseline, Version candidate, Map<String, Direction> directions) {
        TreeSet<String> keys = new TreeSet<>();
        if (baseline != null) {
            keys.addAll(baseline.metrics().keySet());
        }
        keys.addAll(candidate.metrics().keySet());
        List<MetricDelta> out = new ArrayList<>();
        for (String k : keys) {
            double b = baseline == null ? Double.NaN : baseline.metrics().getOrDefault(k, Double.NaN);
            double c = candidate.metrics().getOrDefault(k, Double.NaN);
            out.add(new MetricDelta(k, b, c, direction(k, directions)));
        }
        return out;
    }

    public static Direction direction(String key, Map<String, Direction> directions) {
        Direction d = directions.get(key);
        if (d == null && key.contains("@")) {
            d = directions.get(key.substring(0, key.indexOf('@')));
        }
        return d != null ? d : Direction.defaultFor(key);
    }
}

package dev.rewind.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Versions side by side: one row per metric key present in any of them, a value per version (NaN when the
 * version lacks it — never 0), and for every version after the first, its delta against the first (the baseline).
 */
public record Comparison(String model, List<String> versions, List<Row> rows) {

    /** One metric across the versions. {@code best} is the index of the best value, or −1 when all are equal. */
    public record Row(String key, Direction direction, List<Double> values, List<MetricDelta> deltas, int best) {
        public double value(int i) {
            return values.get(i);
        }
    }

    public String baseline() {
        return versions.get(0);
    }

    public static Comparison of(String model, List<Version> versions, Map<String, Direction> directions) {
        if (versions.isEmpty()) {
            throw RewindException.badInput("nothing to compare: give at least one version");
        }
        TreeSet<String> keys = new TreeSet<>();
        versions.forEach(v -> keys.addAll(v.metrics().keySet()));
        List<Row> rows = new ArrayList<>(keys.size());
        for (String key : keys) {
            Direction d = Metrics.direction(key, directions);
            List<Double> values = new ArrayList<>(versions.size());
            versions.forEach(v -> values.add(v.metrics().getOrDefault(key, Double.NaN)));
            List<MetricDelta> deltas = new ArrayList<>(versions.size() - 1);
            for (int i = 1; i < versions.size(); i++) {
                deltas.add(new MetricDelta(key, values.get(0), values.get(i), d));
            }
            rows.add(new Row(key, d, values, deltas, best(values, d)));
        }
        return new Comparison(model, versions.stream().map(Version::label).toList(), rows);
    }

    static int best(List<Double> values, Direction d) {
        int best = -1;
        boolean allEqual = true;
        Double first = null;
        for (int i = 0; i < values.size(); i++) {
            double x = values.get(i);
            if (Double.isNaN(x)) {
                continue;
            }
            if (first == null) {
                first = x;
            } else if (x != first) {
                allEqual = false;
            }
            if (best < 0 || d.better(x, values.get(best))) {
                best = i;
            }
        }
        return allEqual && values.stream().filter(x -> !x.isNaN()).count() > 1 ? -1 : best;
    }
}

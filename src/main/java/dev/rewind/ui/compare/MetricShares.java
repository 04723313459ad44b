package dev.rewind.ui.compare;

import java.util.List;

/**
 * Metrics in different units drawn on one axis: each version's value as a share of the largest magnitude among
 * the versions for that metric, so {@code latency_ms} in the tens does not flatten an {@code auc} below one.
 * Bars still start at zero, so a share is never exaggerated; a missing value stays NaN.
 */
final class MetricShares {
    private MetricShares() {
    }

    static double[] of(List<Double> values) {
        double largest = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        double[] shares = new double[values.size()];
        for (int i = 0; i < shares.length; i++) {
            double v = values.get(i);
            shares[i] = Double.isNaN(v) ? Double.NaN : largest == 0 ? 0 : v / largest;
        }
        return shares;
    }
}

package dev.rewind.domain;

/**
 * How one metric moved from a baseline version to a candidate. Values are NaN when a version lacks the metric
 * (missing is never shown as 0).
 */
public record MetricDelta(String key, double baseline, double candidate, Direction direction) {

    public enum Verdict { BETTER, WORSE, SAME, UNKNOWN }

    public boolean missing() {
        return Double.isNaN(baseline) || Double.isNaN(candidate);
    }

    /** candidate − baseline, or NaN when either is missing. */
    public double absolute() {
        return missing() ? Double.NaN : candidate - baseline;
    }

    /** (candidate − baseline) / |baseline|, or NaN when missing or the baseline is 0. */
    public double relative() {
        if (missing() || baseline == 0) {
            return Double.NaN;
        }
        return (candidate - baseline) / Math.abs(baseline);
    }

    public Verdict verdict() {
        if (missing()) {
            return Verdict.UNKNOWN;
        }
        if (candidate == baseline) {
            return Verdict.SAME;
        }
        return direction.better(candidate, baseline) ? Verdict.BETTER : Verdict.WORSE;
    }
}

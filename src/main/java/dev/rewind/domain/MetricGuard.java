package dev.rewind.domain;

import java.util.Map;

/**
 * A bound a target puts on a metric of the versions it serves: {@code min} and/or {@code max} (null: none).
 * A version that misses it, or lacks the metric, can be moved there only with {@link MoveOverride#GUARD}.
 */
public record MetricGuard(String key, Double min, Double max) {

    public MetricGuard {
        Names.require("metric key", key);
        if (min == null && max == null) {
            throw RewindException.badInput("guard on " + key + " needs --min or --max");
        }
        if (min != null && max != null && min > max) {
            throw RewindException.badInput("guard on " + key + ": minimum " + min + " is above maximum " + max);
        }
    }

    /** What is wrong with the version's metrics against this guard, e.g. "auc 0.85 is 0.05 below the minimum 0.9"; null when it passes. */
    public String failure(Map<String, Double> metrics) {
        Double v = metrics.get(key);
        if (v == null || v.isNaN()) {
            return key + " is not recorded (guard " + describe() + ")";
        }
        if (min != null && v < min) {
            return key + " " + num(v) + " is " + num(min - v) + " below the minimum " + num(min);
        }
        if (max != null && v > max) {
            return key + " " + num(v) + " is " + num(v - max) + " above the maximum " + num(max);
        }
        return null;
    }

    /** e.g. "auc ≥ 0.9", "latency_ms ≤ 50", "0.1 ≤ x ≤ 2". */
    public String describe() {
        if (min != null && max != null) {
            return num(min) + " ≤ " + key + " ≤ " + num(max);
        }
        return min != null ? key + " ≥ " + num(min) : key + " ≤ " + num(max);
    }

    static String num(double d) {
        // rounded to hide binary noise such as 0.04999999999999993
        double r = Math.round(d * 1e6) / 1e6;
        return r == Math.rint(r) && Math.abs(r) < 1e15 ? Long.toString((long) r) : Double.toString(r);
    }
}

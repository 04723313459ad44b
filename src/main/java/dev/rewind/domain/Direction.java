package dev.rewind.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a bigger value of a metric is better or worse. */
public enum Direction {
    HIGHER, LOWER;

    private static final Pattern LOWER_IS_BETTER = Pattern.compile(
            "(^|[^a-z])(loss|error|err|rmse|mae|mse|mape|logloss|latency|time|duration|perplexity|fpr|fnr|wer|cer"
                    + "|false_positive|false_negative|false_positives|false_negatives|drift|gap|cost|size)([^a-z]|$)");

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The direction a key gets when nobody said otherwise: loss, error, rmse, mae, latency… are lower-is-better. */
    public static Direction defaultFor(String metricKey) {
        String k = metricKey.toLowerCase(Locale.ROOT);
        return LOWER_IS_BETTER.matcher(k).find() ? LOWER : HIGHER;
    }

    public static Direction parse(String s) {
        if (s != null) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "higher": case "up": case "max": return HIGHER;
                case "lower": case "down": case "min": return LOWER;
                default: break;
            }
        }
        throw RewindException.badInput("direction must be 'higher' or 'lower', not '" + s + "'");
    }

    /** True when {@code candidate} is better than {@code baseline} under this direction. */
    public boolean better(double candidate, double baseline) {
        return this == HIGHER ? candidate > baseline : candidate < baseline;
    }

    public String arrow() {
        return this == HIGHER ? "↑" : "↓";
    }
}

package dev.rewind.domain;

/** One metric observation: a summary value when {@code step} is null, else one point of a training curve. */
public record MetricValue(String key, double value, Long step, String dataset) {
    public MetricValue {
        key = Names.require("metric key", key);
        dataset = dataset == null ? "" : dataset;
    }

    public static MetricValue summary(String key, double value) {
        return new MetricValue(key, value, null, "");
    }

    /** Parses {@code KEY=NUMBER} as given on the command line. */
    public static MetricValue parse(String spec) {
        int eq = spec == null ? -1 : spec.indexOf('=');
        if (eq <= 0) {
            throw RewindException.badInput("metric '" + Text.escape(spec) + "' must look like KEY=NUMBER");
        }
        String key = Names.require("metric key", spec.substring(0, eq));
        return summary(key, Numbers.parseMetric("metric " + key, spec.substring(eq + 1)));
    }
}

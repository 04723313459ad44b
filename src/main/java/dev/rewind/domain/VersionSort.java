package dev.rewind.domain;

import java.util.Comparator;

/**
 * The order of a search: {@code KEY} ascending or {@code -KEY} descending, KEY a metric (else a numeric param) as in
 * {@link VersionFilter}; versions without a value for it come last either way, ties keep model and sequence order.
 */
public record VersionSort(VersionFilter.Key key, boolean descending) {
    /** Model, then sequence: oldest first, as {@code versions} lists them. */
    public static final Comparator<Version> NATURAL = Comparator.comparing(Version::model).thenComparingLong(Version::seq);

    /** Parses {@code [-|+]KEY}; a bad-input error naming {@code what} when it is not one. */
    public static VersionSort parse(String what, String spec) {
        String s = spec == null ? "" : spec.strip();
        boolean descending = s.startsWith("-");
        String name = descending || s.startsWith("+") ? s.substring(1) : s;
        int dot = name.indexOf('.');
        VersionFilter.Space space = dot < 0 ? null : VersionFilter.Space.of(name.substring(0, dot));
        String key = space == null ? name : name.substring(dot + 1);
        if (space == VersionFilter.Space.TAG) {
            throw RewindException.badInput("cannot sort by " + what + " '" + Text.escape(spec)
                    + "': tags have no order; sort by a metric or a param");
        }
        String problem = Names.problem(key);
        if (problem != null) {
            throw RewindException.badInput(what + " needs a metric or param name, like -auc: the name " + problem);
        }
        return new VersionSort(VersionFilter.Key.of(space, key), descending);
    }

    /** The order this sort gives, for versions loaded with at least {@link #key()}'s values. */
    public Comparator<Version> comparator() {
        Comparator<Double> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing(this::value, Comparator.nullsLast(values)).thenComparing(NATURAL);
    }

    private Double value(Version v) {
        Double metric = key.space() == VersionFilter.Space.PARAM ? null : v.metrics().get(key.name());
        if (metric != null || key.space() == VersionFilter.Space.METRIC) {
            return metric == null || metric.isNaN() ? null : metric;
        }
        String param = v.params().get(key.name());
        return param == null ? null : VersionFilter.number(param);
    }
}

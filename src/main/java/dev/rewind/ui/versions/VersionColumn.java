package dev.rewind.ui.versions;

import dev.rewind.domain.VersionFilter;
import dev.rewind.domain.VersionSort;
import java.util.Comparator;
import java.util.function.Function;

/**
 * A column of the Versions table and the order it sorts in. Metrics and {@code #} sort as numbers, labels in
 * version order ({@code 1.10.0} after {@code 1.9.0}); a row without a value comes last in either direction, and ties
 * keep the version order.
 */
public record VersionColumn(Kind kind, String metric) {
    public enum Kind { LABEL, SEQ, CREATED, AUTHOR, TAGS, LIVE, METRIC }

    public static final VersionColumn LABEL = new VersionColumn(Kind.LABEL, null);
    public static final VersionColumn SEQ = new VersionColumn(Kind.SEQ, null);
    public static final VersionColumn CREATED = new VersionColumn(Kind.CREATED, null);
    public static final VersionColumn AUTHOR = new VersionColumn(Kind.AUTHOR, null);
    public static final VersionColumn TAGS = new VersionColumn(Kind.TAGS, null);
    public static final VersionColumn LIVE = new VersionColumn(Kind.LIVE, null);

    private static final Comparator<VersionLine> BY_SEQ = Comparator.comparingLong(l -> l.version().seq());

    public static VersionColumn metric(String key) {
        return new VersionColumn(Kind.METRIC, key);
    }

    /** The id of the column's node ({@code col-seq}, {@code col-metric-auc}), which tests use. */
    public String id() {
        return kind == Kind.METRIC ? "col-metric-" + metric : "col-" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    public Comparator<VersionLine> comparator(boolean descending) {
        return switch (kind) {
            case SEQ -> descending ? BY_SEQ.reversed() : BY_SEQ;
            case LABEL -> missingLast(l -> l.version().label(), VersionColumn::compareLabels, descending);
            case CREATED -> missingLast(l -> l.version().createdAt(), Comparator.<java.time.Instant>naturalOrder(), descending);
            case AUTHOR -> missingLast(l -> l.version().author(), String.CASE_INSENSITIVE_ORDER, descending);
            case TAGS -> missingLast(VersionLine::tagsText, String.CASE_INSENSITIVE_ORDER, descending);
            case LIVE -> missingLast(VersionLine::liveText, String.CASE_INSENSITIVE_ORDER, descending);
            // the CLI's --sort rule: a NaN or absent value last either way
            case METRIC -> {
                Comparator<dev.rewind.domain.Version> c = new VersionSort(
                        new VersionFilter.Key(VersionFilter.Space.METRIC, metric), descending).comparator();
                yield (a, b) -> c.compare(a.version(), b.version());
            }
        };
    }

    private static <T> Comparator<VersionLine> missingLast(Function<VersionLine, T> value, Comparator<T> order,
                                                           boolean descending) {
        Function<VersionLine, T> present = l -> {
            T v = value.apply(l);
            return v instanceof String s && s.isEmpty() ? null : v;
        };
        return Comparator.comparing(present, Comparator.nullsLast(descending ? order.reversed() : order))
                .thenComparing(BY_SEQ);
    }

    /** Runs of digits compare as numbers, the rest as text: 1.9.0 < 1.10.0, v2 < v10. */
    static int compareLabels(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int c = new java.math.BigInteger(a.substring(si, i)).compareTo(new java.math.BigInteger(b.substring(sj, j)));
                if (c != 0) {
                    return c;
                }
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}

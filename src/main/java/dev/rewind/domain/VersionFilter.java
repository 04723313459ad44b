package dev.rewind.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which versions a search keeps, in the spirit of MLflow's {@code search_model_versions}: clauses joined by
 * {@code and}, each a comparison {@code KEY OP VALUE} (OP one of {@code < <= = != >= >}) or a bare {@code KEY}
 * (the version has that tag). A key names a metric, else a param, else a tag of the version, in that order;
 * {@code metric.}, {@code param.} or {@code tag.} before it says which. Values are numbers or strings ('quoted' or
 * "quoted" when they hold blanks; {@code `key`} quotes a key); {@code < <= >= >} need a number. A clause on a key the
 * version lacks is false; a NaN metric only matches {@code !=}. Free of any caller: the CLI and the window share it.
 */
public final class VersionFilter implements Predicate<Version> {
    /** Which of a version's maps a key is looked up in; null means metric, else param, else tag. */
    public enum Space {
        METRIC, PARAM, TAG;

        /** The space a prefix such as {@code metric} or {@code tags} names, or null. */
        public static Space of(String prefix) {
            return switch (prefix.toLowerCase(Locale.ROOT)) {
                case "metric", "metrics" -> METRIC;
                case "param", "params" -> PARAM;
                case "tag", "tags" -> TAG;
                default -> null;
            };
        }
    }

    public enum Op {
        LE("<="), GE(">="), NE("!="), LT("<"), GT(">"), EQ("=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean ordered() {
            return this != EQ && this != NE;
        }

        static Op of(String s) {
            for (Op op : values()) {
                if (op.symbol.equals(s)) {
                    return op;
                }
            }
            return null;
        }

        /** IEEE comparison: with a NaN on either side only {@code !=} holds. */
        boolean test(double a, double b) {
            return switch (this) {
                case LT -> a < b;
                case LE -> a <= b;
                case EQ -> a == b;
                case NE -> a != b;
                case GE -> a >= b;
                case GT -> a > b;
            };
        }
    }

    /** A key and where to look it up ({@code space} null: metric, else param, else tag). */
    public record Key(Space space, String name) {
        static Key of(Space space, String name) {
            return new Key(space, Tags.normalize(Names.normalize(name)));
        }
    }

    /** A value as typed, and its number when it reads as one (quoted values never do). */
    public record Literal(String text, Double number) {
    }

    /** {@code op} and {@code value} are null for a presence test. */
    public record Clause(Key key, Op op, Literal value) {
    }

    private final List<Clause> clauses;

    private VersionFilter(List<Clause> clauses) {
        this.clauses = List.copyOf(clauses);
    }

    /** Keeps every version. */
    public static VersionFilter all() {
        return new VersionFilter(List.of());
    }

    /** Parses {@code text}; a bad-input error naming {@code what} and the 1-based position when it does not read. */
    public static VersionFilter parse(String what, String text) {
        return new VersionFilter(FilterParser.parse(what, text));
    }

    /** {@code KEY} (the version has the tag) or {@code KEY=VALUE} (the tag has that value), as {@code --tag} takes. */
    public static VersionFilter tag(String spec) {
        Map.Entry<String, String> e = Tags.parse(spec);
        Key key = Key.of(Space.TAG, e.getKey());
        return new VersionFilter(List.of(e.getValue() == null ? new Clause(key, null, null)
                : new Clause(key, Op.EQ, new Literal(e.getValue(), null))));
    }

    /** Both this filter and {@code other}. */
    public VersionFilter and(VersionFilter other) {
        List<Clause> both = new ArrayList<>(clauses);
        both.addAll(other.clauses);
        return new VersionFilter(both);
    }

    public List<Clause> clauses() {
        return clauses;
    }

    /** Every key a clause names: what a reader must load of each version for {@link #test}. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        clauses.forEach(c -> keys.add(c.key().name()));
        return keys;
    }

    @Override
    public boolean test(Version v) {
        for (Clause c : clauses) {
            if (!matches(c, v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Clause c, Version v) {
        Key k = c.key();
        if (c.op() == null) {
            return k.space() == null ? hasTag(v.tags(), k.name()) : present(k, v);
        }
        // a string never equals a metric: 'owner=ana' looks past a metric called owner to the tag
        boolean numeric = c.value().number() != null;
        Double metric = numeric && k.space() != Space.PARAM && k.space() != Space.TAG ? v.metrics().get(k.name()) : null;
        if (metric != null) {
            return c.op().test(metric, c.value().number());
        }
        if (k.space() == Space.METRIC) {
            return false;
        }
        String text = k.space() != Space.TAG && v.params().containsKey(k.name()) ? v.params().get(k.name())
                : k.space() != Space.PARAM ? Tags.value(v.tags(), k.name()) : null;
        return text != null && compare(c.op(), text, c.value());
    }

    private static boolean present(Key k, Version v) {
        return switch (k.space()) {
            case METRIC -> v.metrics().containsKey(k.name());
            case PARAM -> v.params().containsKey(k.name());
            case TAG -> hasTag(v.tags(), k.name());
        };
    }

    private static boolean hasTag(Map<String, String> tags, String key) {
        return tags.keySet().stream().anyMatch(t -> Tags.normalize(t).equals(key));
    }

    /** Text compares as numbers when both sides read as numbers, else only for (in)equality. */
    private static boolean compare(Op op, String text, Literal value) {
        Double stored = value.number() == null ? null : number(text);
        if (stored != null) {
            return op.test(stored, value.number());
        }
        return op == Op.EQ ? text.equals(value.text()) : op == Op.NE && !text.equals(value.text());
    }

    /** The value of {@code text} under {@link Numbers}' grammar, or null when it is not a number. */
    static Double number(String text) {
        try {
            return Numbers.parseMetric("value", text);
        } catch (RewindException e) {
            return null;
        }
    }

    /** Shown in messages and tests: the clauses as they were read. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Clause c : clauses) {
            String key = (c.key().space() == null ? "" : c.key().space().name().toLowerCase(Locale.ROOT) + ".")
                    + c.key().name();
            parts.add(c.op() == null ? key : key + c.op().symbol() + "'" + c.value().text() + "'");
        }
        return String.join(" and ", parts);
    }
}

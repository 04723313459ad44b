package dev.rewind.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A search over versions: which to keep, in what order (null: model, then oldest first), how many at most
 * (null: all).
 */
public record VersionQuery(VersionFilter filter, VersionSort sort, Integer limit) {
    public VersionQuery {
        filter = filter == null ? VersionFilter.all() : filter;
        if (limit != null && limit < 1) {
            throw RewindException.badInput("the limit must be at least 1, not " + limit);
        }
    }

    /** The metric, param and tag keys a reader must load of each version to answer this query. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>(filter.keys());
        if (sort != null) {
            keys.add(sort.key().name());
        }
        return keys;
    }

    /** Whether this query keeps every version in the natural order: nothing to search. */
    public boolean everything() {
        return filter.clauses().isEmpty() && sort == null && limit == null;
    }

    /** The versions this query keeps, ordered and cut to the limit. */
    public List<Version> apply(List<Version> versions) {
        return versions.stream().filter(filter)
                .sorted(sort == null ? VersionSort.NATURAL : sort.comparator())
                .limit(limit == null ? Long.MAX_VALUE : limit).toList();
    }
}

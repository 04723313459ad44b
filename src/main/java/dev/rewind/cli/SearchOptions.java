package dev.rewind.cli;

import dev.rewind.domain.VersionFilter;
import dev.rewind.domain.VersionQuery;
import dev.rewind.domain.VersionSort;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of a version search ({@code versions}, {@code search}), declared once. */
final class SearchOptions {
    @Option(names = "--where", paramLabel = "FILTER",
            description = "Keep versions matching FILTER, e.g. \"auc>0.9 and latency_ms<=30 and owner=ana\" "
                    + "(see README: Search).")
    String where;

    @Option(names = "--tag", paramLabel = "K[=V]", description = "Keep versions with this tag (and value); repeatable.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--sort", paramLabel = "[-]KEY", description = "Order by a metric or param; '-' for descending.")
    String sort;

    @Option(names = "--limit", paramLabel = "N", description = "At most N versions.")
    Integer limit;

    VersionQuery query() {
        VersionFilter filter = where == null ? VersionFilter.all() : VersionFilter.parse("--where", where);
        for (String t : tags) {
            filter = filter.and(VersionFilter.tag(t));
        }
        return new VersionQuery(filter, sort == null ? null : VersionSort.parse("--sort", sort), limit);
    }
}

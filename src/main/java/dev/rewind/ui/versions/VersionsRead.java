package dev.rewind.ui.versions;

import dev.rewind.domain.TargetState;
import dev.rewind.domain.Version;
import dev.rewind.domain.VersionFilter;
import dev.rewind.service.Services;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One read of the Versions rows, off the FX thread: the model's metric keys (once per model), which of them are
 * columns (saved, else the first few), and the rows with only those values and the filter's.
 */
final class VersionsRead {
    /** Metric columns shown for a model nobody chose columns for. */
    static final int DEFAULT_METRICS = 3;

    private VersionsRead() {
    }

    /**
     * What one read asks for, taken on the FX thread and run on a worker. {@code picked} is null for a model just
     * opened: its saved columns, else the first metrics of its newest version ({@code newest}, null when it has
     * none), which costs one version's read where listing every metric key of 100,000 versions costs a second.
     */
    record Request(String model, List<String> picked, Long newest, Set<String> moreKeys,
                   Map<String, List<String>> live, VersionFilter filter, Comparator<VersionLine> order) {
        Result run(Services s, ColumnChoices choices) {
            List<String> allKeys = null;
            List<String> chosen = picked != null ? picked : choices.load(model).orElse(null);
            if (chosen == null) {
                List<String> keys = newest == null ? List.of()
                        : s.registry().byIds(List.of(newest)).get(0).metrics().keySet().stream().sorted().toList();
                if (keys.isEmpty()) {
                    allKeys = s.registry().metricKeys(model);
                    keys = allKeys;
                }
                chosen = keys.subList(0, Math.min(DEFAULT_METRICS, keys.size()));
            }
            Set<String> wanted = new LinkedHashSet<>(chosen);
            wanted.addAll(moreKeys);
            List<VersionLine> lines = new ArrayList<>();
            for (Version v : s.registry().versionTable(model, wanted)) {
                lines.add(new VersionLine(v, live.getOrDefault(v.label(), List.of())));
            }
            return new Result(model, allKeys, chosen, wanted, lines, arrange(lines, filter, order));
        }
    }

    /** {@code metricKeys} is null when they were not needed (they are listed after the rows show). */
    record Result(String model, List<String> metricKeys, List<String> picked, Set<String> keys,
                  List<VersionLine> lines, List<VersionLine> shown) {
    }

    /** The rows {@code filter} keeps, in {@code order}. */
    static List<VersionLine> arrange(List<VersionLine> lines, VersionFilter filter, Comparator<VersionLine> order) {
        boolean everything = filter.clauses().isEmpty();
        return lines.stream().filter(l -> everything || filter.test(l.version())).sorted(order).toList();
    }

    static Map<String, List<String>> liveOn(List<TargetState> targets) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (TargetState t : targets) {
            if (t.liveVersion() != null) {
                out.computeIfAbsent(t.liveVersion(), k -> new ArrayList<>()).add(t.name());
            }
        }
        return out;
    }

    /**
     * The keys a filter needs read. Every tag is read anyway, so a tag clause needs nothing, nor does a bare key
     * ({@code stable}), which the grammar tests as a tag.
     */
    static Set<String> neededKeys(VersionFilter f) {
        Set<String> keys = new LinkedHashSet<>();
        for (VersionFilter.Clause c : f.clauses()) {
            VersionFilter.Space space = c.key().space();
            if (space != VersionFilter.Space.TAG && (c.op() != null || space != null)) {
                keys.add(c.key().name());
            }
        }
        return keys;
    }
}

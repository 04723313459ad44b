package dev.rewind.ui.timeline;

import dev.rewind.domain.Lane;
import dev.rewind.domain.Version;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** What the timeline draws: versions in time order and one lane per target. */
public record TimelineData(List<Version> versions, List<Lane> lanes, Instant now) {
    public static final TimelineData EMPTY = new TimelineData(List.of(), List.of(), Instant.EPOCH);

    public TimelineData {
        versions = versions.stream().sorted(Comparator.comparing(Version::createdAt).thenComparing(Version::seq)).toList();
        lanes = List.copyOf(lanes);
    }

    /** Creation times in milliseconds, in the same order as {@link #versions()}, for binary search. */
    long[] times() {
        long[] t = new long[versions.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = versions.get(i).createdAt().toEpochMilli();
        }
        return t;
    }

    /** The metric shown in tooltips: a well-known headline metric if present, else the first one. */
    static String mainMetric(Version v) {
        for (String k : new String[] {"auc", "accuracy", "f1", "top1_accuracy", "ndcg_at_10", "rmse", "loss"}) {
            if (v.metrics().containsKey(k)) {
                return k;
            }
        }
        return v.metrics().isEmpty() ? null : v.metrics().keySet().iterator().next();
    }
}

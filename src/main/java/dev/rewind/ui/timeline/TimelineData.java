package dev.rewind.ui.timeline;

import dev.rewind.domain.Lane;
import dev.rewind.domain.Version;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** What the timeline draws: versions in time order and one lane per target. */
public record TimelineData(List<Version> versions, List<Lane> lanes, Instant now) {
    private static final Comparator<Version> ORDER = Comparator.comparing(Version::createdAt)
            .thenComparingLong(Version::seq);
    public static final TimelineData EMPTY = new TimelineData(List.of(), List.of(), Instant.EPOCH);

    public TimelineData {
        // Stream.toList, not List.copyOf: callers ask contains(null) of it, which List.copyOf's lists refuse
        versions = inOrder(versions) ? versions.stream().toList() : versions.stream().sorted(ORDER).toList();
        lanes = List.copyOf(lanes);
    }

    // the catalog hands rows over in this order already: checking is a pass, sorting 100,000 is not
    private static boolean inOrder(List<Version> vs) {
        for (int i = 1; i < vs.size(); i++) {
            if (ORDER.compare(vs.get(i - 1), vs.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where {@code v} is in {@link #versions()}, or -1: a binary search in time order, then the same id, model and
     * label (a version of a catalog opened before may share an id). The window asks this on the FX thread of a
     * model with 100,000 versions, where a scan comparing whole records took milliseconds each time.
     */
    public int indexOf(Version v) {
        if (v == null || v.createdAt() == null) {
            return -1;
        }
        int lo = 0;
        int hi = versions.size() - 1;
        while (lo <= hi) { // the first version not before v
            int mid = (lo + hi) >>> 1;
            if (ORDER.compare(versions.get(mid), v) < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        for (int i = lo; i < versions.size() && ORDER.compare(versions.get(i), v) == 0; i++) {
            Version w = versions.get(i);
            if (w.id() == v.id() && w.label().equals(v.label()) && java.util.Objects.equals(w.model(), v.model())) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code v} is drawn here ({@link #indexOf}). */
    public boolean contains(Version v) {
        return indexOf(v) >= 0;
    }

    /** Creation times in milliseconds, in the same order as {@link #versions()}, for binary search. */
    long[] times() {
        long[] t = new long[versions.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = versions.get(i).createdAt().toEpochMilli();
        }
        return t;
    }

    /**
     * What a screen reader says of the version in focus: model, label, tags and where it is live since when, e.g.
     * "fraud-detector 2.0.0, tagged failed, live on production since 2026-11-23 11:21:51".
     */
    public String describe(Version v) {
        if (v == null) {
            return versions.isEmpty() ? "no versions" : "no version selected; " + versions.size() + " versions";
        }
        StringBuilder s = new StringBuilder(v.model()).append(' ').append(v.label());
        if (!v.tags().isEmpty()) {
            s.append(", tagged ").append(String.join(", ", v.tags().keySet()));
        }
        List<String> live = new java.util.ArrayList<>();
        boolean approximate = false;
        for (Lane lane : lanes) {
            if (v.label().equals(lane.liveVersion()) && !lane.segments().isEmpty()) {
                Lane.Segment last = lane.segments().get(lane.segments().size() - 1);
                // an imported move's start is its source's best account: said so, as the lane hatches it
                approximate |= last.approximate();
                live.add(lane.target() + " since " + (last.approximate() ? ApproximateTime.MARK + " " : "")
                        + dev.rewind.ui.common.Formats.time(last.from()));
            }
        }
        if (!live.isEmpty()) {
            s.append(", live on ").append(String.join(" and ", live));
            if (approximate) {
                s.append(" (").append(ApproximateTime.of(v.label()).note()).append(')');
            }
        }
        return s.toString();
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

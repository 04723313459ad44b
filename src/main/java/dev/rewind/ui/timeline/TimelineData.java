package dev.rewind.ui.timeline;

import dev.rewind.domain.Lane;
import dev.rewind.domain.Version;
import dev.rewind.domain.VersionRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the timeline draws: versions in time order and one lane per target. Equal when versions, lanes and now are
 * (as the record it was); it also keeps the indexes the layout looks things up in, made once ({@link #prepare}).
 */
public final class TimelineData {
    private static final Comparator<Version> ORDER = Comparator.comparing(Version::createdAt)
            .thenComparingLong(Version::seq);
    public static final TimelineData EMPTY = new TimelineData(List.of(), List.of(), Instant.EPOCH);

    private final List<Version> versions;
    private final List<Lane> lanes;
    private final Instant now;
    private final Indexed indexed;
    private final IndexedLanes indexedLanes;
    private volatile Drawing drawing;
    private volatile Map<String, Version> byLabel;

    /** The layout's lookups: the versions' marks and each lane's segment times. */
    record Drawing(Marks marks, List<LaneIndex> lanes) {
    }

    /**
     * Marks by position (with which are failed, stable, live), the labels of the failed versions (a lane's segment
     * is drawn failed by its label) and the live versions, read out of it.
     */
    record Marks(MarkRow.Index index, Set<String> failed, List<Version> live) {
        static Marks of(MarkRow.Index index, List<Version> versions) {
            Set<String> failed = new HashSet<>();
            List<Version> served = new ArrayList<>();
            for (int i = 0; i < versions.size(); i++) {
                if (MarkRow.Index.any(index.failed(), i, i + 1)) {
                    failed.add(versions.get(i).label());
                }
                if (MarkRow.Index.any(index.live(), i, i + 1)) {
                    served.add(versions.get(i));
                }
            }
            return new Marks(index, failed, served);
        }
    }

    /**
     * A model's versions in time order with their marks' index, made from the catalog's columns before the lanes
     * are known (a loader makes them on one core while the lanes are named on the other); the versions themselves
     * are made as they are asked for ({@link VersionRows#versions}).
     */
    public static final class Indexed {
        private final List<Version> versions;
        private final Set<String> live;
        private final Marks marks;

        private Indexed(VersionRows rows, String model) {
            this.versions = rows.versions(model);
            int[] failed = rows.failedRows();
            int[] served = rows.liveRows();
            Set<String> failedLabels = new HashSet<>();
            for (int i : failed) {
                failedLabels.add(rows.label(i));
            }
            List<Version> live = new ArrayList<>();
            Set<String> liveLabels = new HashSet<>();
            for (int i : served) {
                live.add(versions.get(i));
                liveLabels.add(rows.label(i));
            }
            this.live = liveLabels;
            this.marks = new Marks(MarkRow.Index.ofPositions(rows.times(), failed, rows.stableRows(), served),
                    failedLabels, live);
        }
    }

    /** A model's lanes with their segments' times as arrays, made while its versions are indexed on another core. */
    public static final class IndexedLanes {
        private final List<Lane> lanes;
        private final Instant now;
        private final List<LaneIndex> index;

        private IndexedLanes(List<Lane> lanes, Instant now) {
            this.lanes = List.copyOf(lanes);
            this.now = now;
            this.index = this.lanes.stream().map(l -> LaneIndex.of(l, now)).toList();
        }
    }

    /** {@code rows} (the light rows of {@code model}) indexed for drawing. */
    public static Indexed index(VersionRows rows, String model) {
        return new Indexed(rows, model);
    }

    /** {@code lanes} indexed for drawing; {@code now}: where a live segment ends. */
    public static IndexedLanes index(List<Lane> lanes, Instant now) {
        return new IndexedLanes(lanes, now);
    }

    public TimelineData(List<Version> versions, List<Lane> lanes, Instant now) {
        // Stream.toList, not List.copyOf: callers ask contains(null) of it, which List.copyOf's lists refuse
        this.versions = inOrder(versions) ? versions.stream().toList() : versions.stream().sorted(ORDER).toList();
        this.lanes = List.copyOf(lanes);
        this.now = now;
        this.indexed = null;
        this.indexedLanes = null;
    }

    /** As {@link #TimelineData(List, List, Instant)}, of versions and lanes indexed already. */
    public TimelineData(Indexed versions, IndexedLanes lanes) {
        this.versions = versions.versions;
        this.lanes = lanes.lanes;
        this.now = lanes.now;
        this.indexed = versions;
        this.indexedLanes = lanes;
    }

    public List<Version> versions() {
        return versions;
    }

    public List<Lane> lanes() {
        return lanes;
    }

    public Instant now() {
        return now;
    }

    /**
     * Makes the indexes the layout needs, if not made yet: a loader calls this off the FX thread (on a model of
     * 100,000 versions they took 70 ms of its first frame); the layout makes them itself otherwise.
     */
    public TimelineData prepare() {
        drawing();
        return this;
    }

    Drawing drawing() {
        Drawing d = drawing;
        if (d == null) {
            synchronized (this) {
                d = drawing;
                if (d == null) {
                    Set<String> live = lanes.stream().map(Lane::liveVersion).filter(Objects::nonNull)
                            .collect(Collectors.toSet());
                    // what was live when the versions were indexed is what the lanes say, but for a move between
                    // the two reads
                    Marks marks = indexed != null && indexed.live.equals(live) ? indexed.marks
                            : Marks.of(MarkRow.Index.of(times(), i -> versions.get(i).failed(),
                                    i -> versions.get(i).stable(), i -> live.contains(versions.get(i).label())),
                                    versions);
                    d = new Drawing(marks, indexedLanes != null ? indexedLanes.index
                            : lanes.stream().map(l -> LaneIndex.of(l, now)).toList());
                    drawing = d;
                }
            }
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        // cheapest first: two loads differ in their moment, and a reload's 100,000 versions are compared last
        return o == this || o instanceof TimelineData t && now.equals(t.now) && lanes.equals(t.lanes)
                && versions.equals(t.versions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(versions, lanes, now);
    }

    @Override
    public String toString() {
        return "TimelineData[" + versions.size() + " versions, " + lanes.size() + " lanes, now " + now + "]";
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

    /**
     * The version drawn here with this label, or null: a live one is found among the few served; any other in an
     * index made on first use (on a model of 100,000 versions, a cost no first frame needs to pay).
     */
    public Version withLabel(String label) {
        if (label == null) {
            return null;
        }
        for (Version v : drawing().marks().live()) {
            if (v.label().equals(label)) {
                return v;
            }
        }
        Map<String, Version> m = byLabel;
        if (m == null) {
            synchronized (this) {
                m = byLabel;
                if (m == null) {
                    m = new HashMap<>(versions.size() * 2);
                    for (Version v : versions) {
                        m.put(v.label(), v);
                    }
                    byLabel = m;
                }
            }
        }
        return m.get(label);
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

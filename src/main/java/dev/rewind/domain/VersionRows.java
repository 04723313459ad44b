package dev.rewind.domain;

import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * A model's light rows ({@link VersionRow}) as the catalog reads them: in columns, oldest first, so 100,000 versions
 * arrive as a few arrays, not 100,000 objects a caller turns into others at once. The window names its lanes' moves
 * from the columns ({@link #labelsById}) while it makes its {@link Version}s ({@link #versions}). As a list it shows
 * each row as a {@link VersionRow}, made when asked for.
 */
public final class VersionRows extends AbstractList<VersionRow> implements RandomAccess {
    private static final VersionRows NONE = new VersionRows(new long[0], new long[0], new long[0], new String[0],
            Map.of(), new long[0]);

    private final long[] ids;
    private final long[] seqs;
    private final long[] times;
    private final String[] labels;
    private final Map<Long, Map<String, String>> tags;
    /** The ids with tags, sorted: most rows have none, and are told so without boxing their id. */
    private final long[] tagged;
    private final long[] live;
    private volatile ById byId;

    /**
     * Row {@code i} is {@code ids[i]}, {@code labels[i]}, {@code seqs[i]}, created at {@code times[i]} (epoch ms),
     * in time order (then seq); {@code tags} by version id (the catalog reads them for a range of ids, which may hold
     * other models' versions: never asked for here), {@code live} the ids some target serves. The arrays are kept,
     * not copied: the caller hands them over.
     */
    public VersionRows(long[] ids, long[] seqs, long[] times, String[] labels, Map<Long, Map<String, String>> tags,
                       long[] live) {
        int n = ids.length;
        if (seqs.length != n || times.length != n || labels.length != n) {
            throw new IllegalArgumentException("columns of different lengths");
        }
        for (int i = 1; i < n; i++) {
            if (times[i - 1] > times[i] || times[i - 1] == times[i] && seqs[i - 1] > seqs[i]) {
                throw new IllegalArgumentException("rows not in time order at " + i);
            }
        }
        this.ids = ids;
        this.seqs = seqs;
        this.times = times;
        this.labels = labels;
        Map<Long, Map<String, String>> kept = new HashMap<>();
        // a bare tag's value is null (so no Map.copyOf); sorted by key, as a version's tags are everywhere
        tags.forEach((id, t) -> kept.put(id, t.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(t))));
        this.tags = kept;
        this.tagged = kept.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        this.live = live.clone();
        Arrays.sort(this.live);
    }

    public static VersionRows none() {
        return NONE;
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public VersionRow get(int i) {
        return new VersionRow(ids[i], labels[i], seqs[i], Instant.ofEpochMilli(times[i]), tags(i), live(i));
    }

    public long id(int i) {
        return ids[i];
    }

    public String label(int i) {
        return labels[i];
    }

    public long createdAtMs(int i) {
        return times[i];
    }

    /** Every row's creation time (epoch ms), in row order: a copy. */
    public long[] times() {
        return times.clone();
    }

    public Map<String, String> tags(int i) {
        return Arrays.binarySearch(tagged, ids[i]) < 0 ? Map.of() : tags.get(ids[i]);
    }

    public boolean failed(int i) {
        return Arrays.binarySearch(tagged, ids[i]) >= 0 && Tags.isFailed(tags.get(ids[i]));
    }

    public boolean stable(int i) {
        return Arrays.binarySearch(tagged, ids[i]) >= 0 && Tags.isStable(tags.get(ids[i]));
    }

    public boolean live(int i) {
        return Arrays.binarySearch(live, ids[i]) >= 0;
    }

    /** The labels of the versions some target serves. */
    public Set<String> liveLabels() {
        Set<String> out = new HashSet<>();
        for (int row : liveRows()) {
            out.add(labels[row]);
        }
        return out;
    }

    /**
     * The rows as {@link Version}s of {@code model} without metrics, params or provenance (the full one is read on
     * demand), in the same order; each made when first asked for, then kept: a timeline of 100,000 versions draws a
     * few hundred of them.
     */
    public List<Version> versions(String model) {
        return new Made(model);
    }

    private Version version(int i, String model) {
        return new Version(ids[i], model, labels[i], seqs[i], Instant.ofEpochMilli(times[i]), null, null, null, null,
                null, Map.of(), Map.of(), tags(i));
    }

    /**
     * The versions, made on demand. Threads may share it: one that finds a version not made yet makes it (two may
     * make equal ones; a version is a value), and a version's fields are final, so one made by another thread is
     * seen whole.
     */
    private final class Made extends AbstractList<Version> implements RandomAccess {
        private final String model;
        private final Version[] made = new Version[ids.length];

        Made(String model) {
            this.model = model;
        }

        @Override
        public Version get(int i) {
            Version v = made[i];
            if (v == null) {
                v = version(i, model);
                made[i] = v;
            }
            return v;
        }

        @Override
        public int size() {
            return made.length;
        }
    }

    /** The label of the row with an id, or null. */
    public LongFunction<String> labelsById() {
        ById rows = byId();
        return id -> {
            int row = rows.row(id);
            return row < 0 ? null : labels[row];
        };
    }

    /** The positions of the rows tagged failed, in order. */
    public int[] failedRows() {
        return taggedRows(Tags::isFailed);
    }

    /** The positions of the rows tagged stable, in order. */
    public int[] stableRows() {
        return taggedRows(Tags::isStable);
    }

    /** The positions of the rows some target serves, in order. */
    public int[] liveRows() {
        ById rows = byId();
        return Arrays.stream(live).mapToInt(rows::row).filter(r -> r >= 0).sorted().toArray();
    }

    private int[] taggedRows(java.util.function.Predicate<Map<String, String>> which) {
        ById rows = byId();
        return tags.entrySet().stream().filter(e -> which.test(e.getValue())).mapToInt(e -> rows.row(e.getKey()))
                .filter(r -> r >= 0).sorted().toArray();
    }

    private ById byId() {
        ById b = byId;
        if (b == null) {
            b = new ById(ids);
            byId = b; // two threads may make one each: equal, and final inside
        }
        return b;
    }

    /**
     * Where the row of each id is: an array indexed from the smallest id when the ids are dense (as a model's
     * mostly are), so naming 75,000 lane moves boxes no {@code Long}; a map otherwise.
     */
    private static final class ById {
        private final long base;
        private final int[] byOffset;
        private final Map<Long, Integer> byMap;

        ById(long[] ids) {
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (long id : ids) {
                lo = Math.min(lo, id);
                hi = Math.max(hi, id);
            }
            base = lo;
            if (ids.length > 0 && hi - lo < 4L * ids.length + 1024) {
                byOffset = new int[(int) (hi - lo + 1)];
                Arrays.fill(byOffset, -1);
                for (int i = 0; i < ids.length; i++) {
                    byOffset[(int) (ids[i] - lo)] = i;
                }
                byMap = null;
            } else {
                byOffset = null;
                byMap = new HashMap<>(ids.length * 2);
                for (int i = 0; i < ids.length; i++) {
                    byMap.put(ids[i], i);
                }
            }
        }

        int row(long id) {
            if (byOffset == null) {
                return byMap.getOrDefault(id, -1);
            }
            return id < base || id - base >= byOffset.length ? -1 : byOffset[(int) (id - base)];
        }
    }
}

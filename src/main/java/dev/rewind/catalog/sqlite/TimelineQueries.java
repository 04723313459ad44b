package dev.rewind.catalog.sqlite;

import dev.rewind.catalog.Position;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.TimeBucket;
import dev.rewind.domain.VersionRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reads behind a timeline of any length: light rows, counts per slice of time and the lanes' moves, each
 * index-only. The SQL is public so a benchmark can hand the very same statements to the sqlite3 shell.
 */
public final class TimelineQueries {
    public static final String MODEL_ID = "SELECT id FROM models WHERE name = ?";
    /**
     * The light rows packed into one value ({@link Packed}), in the covering index's order (model, time, seq); no
     * ORDER BY, which an aggregate would only honour through a subquery, so the reader checks the order instead.
     */
    public static final String ROWS = "SELECT json_group_array(json_array(v.id, v.seq, v.created_at, v.label)) "
            + "FROM versions v WHERE v.model_id = ?";
    /** Tags of the versions in an id range; the caller keeps those of its model (tags are few). */
    public static final String TAGS = "SELECT version_id, key, value FROM version_tags WHERE version_id BETWEEN ? AND ?";
    public static final String BUCKETS = "SELECT CAST((v.created_at - ?1) * ?3 / (?2 - ?1) AS INTEGER) AS b, count(*), "
            + "max(v.id IN (SELECT version_id FROM version_tags WHERE key = 'failed' COLLATE NOCASE "
            + "    AND version_id BETWEEN ?5 AND ?6)), "
            + "max(v.id IN (SELECT version_id FROM version_tags WHERE key = 'stable' COLLATE NOCASE "
            + "    AND version_id BETWEEN ?5 AND ?6)), "
            + "max(v.id IN (SELECT version_id FROM targets WHERE model_id = ?4 AND version_id IS NOT NULL)) "
            + "FROM versions v "
            + "WHERE v.model_id = ?4 AND v.created_at >= ?1 AND v.created_at < ?2 GROUP BY b ORDER BY b";
    public static final String ID_RANGE = "SELECT min(id), max(id) FROM versions WHERE model_id = ?";
    public static final String LIVE = "SELECT version_id FROM targets WHERE model_id = ? AND version_id IS NOT NULL";

    /**
     * The moves of a model's targets, oldest first: only the changes of position, from the partial index
     * {@code events_moves} (see {@link Indexes}), so the wide event rows and the model's other events stay unread;
     * packed as {@link #ROWS} are, with the event id so the reader can check the order. The version moved to comes
     * as its id: the window has just read the model's labels, and a join here would look each one up again.
     */
    public static final String LANES = "SELECT json_group_array(json_array(e.id, e.target_id, "
            + "coalesce(e.effective_at, e.at), e.effective_at IS NOT NULL, e.kind, e.to_version_id)) "
            + "FROM events e WHERE e.model_id = ? AND e.kind IN " + SqliteEvents.MOVE_KINDS
            + " AND e.target_id IS NOT NULL";
    /** The labels of versions by id ({@link #labels}), for moves to versions the caller has not read. */
    private static final String LABELS = "SELECT id, label FROM versions WHERE id IN (";
    private static final int LABEL_BATCH = 500;
    private static final String[] KINDS = Arrays.stream(EventKind.values()).map(EventKind::id).toArray(String[]::new);

    private final Jdbc jdbc;

    TimelineQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    VersionRows rows(String model) {
        Long modelId = modelId(model);
        if (modelId == null) {
            return VersionRows.none();
        }
        Packed packed = new Packed(jdbc.one("read the timeline", ROWS, rs -> rs.getBytes(1), modelId).orElse(null));
        // straight into columns: no object per row until the caller makes the ones it keeps
        int n = 0;
        long[] ids = new long[1024];
        long[] seqs = new long[1024];
        long[] times = new long[1024];
        String[] labels = new String[1024];
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        boolean ordered = true;
        while (packed.hasNext()) {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
                seqs = Arrays.copyOf(seqs, n * 2);
                times = Arrays.copyOf(times, n * 2);
                labels = Arrays.copyOf(labels, n * 2);
            }
            long id = packed.number();
            long seq = packed.number();
            long at = packed.number();
            labels[n] = packed.text();
            ordered &= n == 0 || times[n - 1] < at || times[n - 1] == at && seqs[n - 1] <= seq;
            ids[n] = id;
            seqs[n] = seq;
            times[n] = at;
            lo = Math.min(lo, id);
            hi = Math.max(hi, id);
            n++;
        }
        if (n == 0) {
            return VersionRows.none();
        }
        ids = Arrays.copyOf(ids, n);
        seqs = Arrays.copyOf(seqs, n);
        times = Arrays.copyOf(times, n);
        labels = Arrays.copyOf(labels, n);
        if (!ordered) {
            long[] t = times;
            long[] q = seqs;
            Integer[] order = new Integer[n];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.<Integer>comparingLong(i -> t[i]).thenComparingLong(i -> q[i]));
            ids = permuted(ids, order);
            seqs = permuted(seqs, order);
            times = permuted(times, order);
            String[] l = labels;
            labels = Arrays.stream(order).map(i -> l[i]).toArray(String[]::new);
        }
        // tags of other models' versions in the range come too, and are never looked up
        Map<Long, Map<String, String>> tags = new HashMap<>();
        jdbc.list("read the timeline's tags", TAGS, rs -> {
            tags.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
            return null;
        }, lo, hi);
        long[] live = jdbc.list("read what is live", LIVE, rs -> rs.getLong(1), modelId).stream()
                .mapToLong(Long::longValue).toArray();
        return new VersionRows(ids, seqs, times, labels, tags, live);
    }

    private static long[] permuted(long[] a, Integer[] order) {
        long[] out = new long[a.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }

    List<TimeBucket> buckets(String model, long fromMs, long toMs, int buckets) {
        Long modelId = modelId(model);
        if (modelId == null || buckets <= 0 || toMs <= fromMs) {
            return List.of();
        }
        long[] range = jdbc.one("read the timeline", ID_RANGE, rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                modelId).orElse(new long[] {0, -1});
        double width = (double) (toMs - fromMs) / buckets;
        return jdbc.list("count the timeline", BUCKETS, rs -> {
            int b = rs.getInt(1);
            return new TimeBucket(b, fromMs + (long) Math.ceil(b * width), fromMs + (long) Math.ceil((b + 1) * width),
                    rs.getInt(2), rs.getInt(3) == 1, rs.getInt(4) == 1, rs.getInt(5) == 1);
        }, fromMs, toMs, buckets, modelId, range[0], range[1]);
    }

    List<Position> positions(String model) {
        Long modelId = modelId(model);
        if (modelId == null) {
            return List.of();
        }
        Packed packed = new Packed(jdbc.one("read the lanes", LANES, rs -> rs.getBytes(1), modelId).orElse(null));
        List<Position> moves = new ArrayList<>();
        long[] ids = new long[64];
        boolean ordered = true;
        while (packed.hasNext()) {
            long id = packed.number();
            if (moves.size() == ids.length) {
                ids = Arrays.copyOf(ids, ids.length * 2);
            }
            ordered &= moves.isEmpty() || ids[moves.size() - 1] < id;
            ids[moves.size()] = id;
            long target = packed.number();
            long at = packed.number();
            boolean approximate = packed.number() != 0;
            EventKind kind = EventKind.parse(packed.text(KINDS));
            moves.add(new Position(target, at, kind, packed.number(Position.NO_VERSION), approximate));
        }
        if (!ordered) {
            long[] byRow = ids;
            Integer[] order = new Integer[moves.size()];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparingLong(i -> byRow[i]));
            return Arrays.stream(order).map(moves::get).toList();
        }
        return moves;
    }

    /** The labels of the versions with these ids, a batch of ids at a time. */
    Map<Long, String> labels(long[] ids) {
        Map<Long, String> out = new HashMap<>();
        for (int from = 0; from < ids.length; from += LABEL_BATCH) {
            int n = Math.min(LABEL_BATCH, ids.length - from);
            Object[] args = new Object[n];
            for (int i = 0; i < n; i++) {
                args[i] = ids[from + i];
            }
            jdbc.list("read labels", LABELS + "?,".repeat(n - 1) + "?)", rs -> {
                out.put(rs.getLong(1), rs.getString(2));
                return null;
            }, args);
        }
        return out;
    }

    Map<Long, Double> summaryValues(String model, String key) {
        Long modelId = modelId(model);
        Map<Long, Double> out = new HashMap<>();
        if (modelId == null) {
            return out;
        }
        jdbc.list("read a metric across versions", "SELECT m.version_id, m.value FROM versions v "
                + "JOIN metrics m ON m.version_id = v.id AND m.key = ? AND m.step IS NULL "
                + "AND m.dataset = '' WHERE v.model_id = ?", rs -> {
                    double v = rs.getDouble(2);
                    out.put(rs.getLong(1), rs.wasNull() ? Double.NaN : v);
                    return null;
                }, key, modelId);
        return out;
    }

    private Long modelId(String model) {
        return jdbc.one("find model", MODEL_ID, rs -> rs.getLong(1), model).orElse(null);
    }
}

package dev.rewind.catalog.sqlite;

import dev.rewind.catalog.ChainRepository;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.FactsDigest;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.TargetPointer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads facts exactly as stored (values by their storage type, rows in a fixed order) to digest them. */
final class SqliteChain implements ChainRepository {
    /**
     * The metrics section, with the storage types of its columns in one number: an import digests millions of rows,
     * and reading the usual types with one typed call each, instead of asking each column's type first, halves the
     * calls into SQLite. A column of any other type is read as it is stored, like every other section.
     */
    private static final String METRICS = "SELECT key, dataset, step, value, (typeof(key) = 'text') "
            + "| (typeof(dataset) = 'text') << 1 | (typeof(step) = 'integer') << 2 | (typeof(step) = 'null') << 3 "
            + "| (typeof(value) = 'real') << 4 | (typeof(value) = 'null') << 5 "
            + "FROM metrics WHERE version_id = ? ORDER BY key, dataset, step NULLS FIRST, value NULLS FIRST";
    private static final String[] VERSION_SECTIONS = {
        METRICS,
        "SELECT key, value FROM params WHERE version_id = ? ORDER BY key",
        "SELECT key, value FROM version_initial_tags WHERE version_id = ? ORDER BY key",
        "SELECT key, value FROM version_provenance WHERE version_id = ? ORDER BY key"};
    private static final String[] TARGET_SECTIONS = {
        "SELECT key, min, max FROM target_guards WHERE target_id = ? ORDER BY key",
        "SELECT command, timeout_ms FROM target_checks WHERE target_id = ?"};

    private final Jdbc jdbc;
    private final WrittenMetrics written;

    /** {@code written}: the metric rows the bulk loader sent, digested without reading them back; or null. */
    SqliteChain(Jdbc jdbc, WrittenMetrics written) {
        this.jdbc = jdbc;
        this.written = written;
    }

    @Override
    public Info info() {
        return jdbc.one("read the chain's start", "SELECT catalog_id, first_sealed_event FROM chain_info",
                rs -> new Info(rs.getString(1), rs.getLong(2))).orElse(new Info("", 1));
    }

    @Override
    public String versionDigest(long versionId) {
        FactsDigest d = new FactsDigest("version");
        boolean found = !jdbc.list("digest a version", "SELECT m.name, v.id, v.model_id, v.label, v.seq, "
                + "v.created_at, v.author, v.description, v.artifact_uri, v.artifact_sha256, v.artifact_size, "
                + "v.source_run, v.parent_id FROM versions v LEFT JOIN models m ON m.id = v.model_id WHERE v.id = ?",
                rs -> addRow(d, rs), versionId).isEmpty();
        if (!found) {
            return null;
        }
        for (String sql : VERSION_SECTIONS) {
            if (sql.equals(METRICS) && digestWritten(d, versionId)) {
                continue;
            }
            List<Boolean> rows = jdbc.list("digest a version", sql,
                    rs -> sql.equals(METRICS) ? addMetric(d, rs) : addRow(d, rs), versionId);
            d.add("rows").add(rows.size());
        }
        return d.hex();
    }

    /**
     * The metrics section from the rows kept as sent, when the catalog holds exactly those: its count of the
     * version's rows walks the index alone, where reading them back would also visit and sort every row.
     */
    private boolean digestWritten(FactsDigest d, long versionId) {
        int known = written == null ? -1 : written.known(versionId);
        if (known < 0 || jdbc.one("digest a version", "SELECT count(*) FROM metrics WHERE version_id = ?",
                rs -> rs.getLong(1), versionId).orElse(-1L) != known) {
            return false;
        }
        written.digest(d);
        d.add("rows").add(known);
        return true;
    }

    @Override
    public String targetDigest(long targetId) {
        return targetDigest(targetId, true);
    }

    @Override
    public List<String> targetDigests(long targetId) {
        String now = targetDigest(targetId, true);
        if (now == null) {
            return List.of();
        }
        Optional<TargetPointer> pointer = jdbc.one("digest a target",
                "SELECT kind, store, name, pointer FROM target_pointers WHERE target_id = ?",
                rs -> new TargetPointer(TargetPointer.Kind.of(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4)), targetId);
        if (pointer.isEmpty()) {
            return List.of(now);
        }
        // schema 8 set a pointer with its target but signed the facts without it, naming it in the add event's
        // reason instead: that signed reason vouches for exactly this pointer, and for no other
        Optional<String> addReason = jdbc.one("digest a target", "SELECT reason FROM events WHERE target_id = ? "
                + "AND kind = '" + EventKind.TARGET.id() + "' ORDER BY id LIMIT 1", rs -> rs.getString(1), targetId);
        boolean named = addReason.filter(r -> java.util.Arrays.asList(r.split("; ")).contains(pointer.get().describe()))
                .isPresent();
        return named ? List.of(now, targetDigest(targetId, false)) : List.of(now);
    }

    private String targetDigest(long targetId, boolean withPointer) {
        FactsDigest d = new FactsDigest("target");
        boolean found = !jdbc.list("digest a target", "SELECT m.name, t.id, t.model_id, t.name, t.serving_dir, "
                + "t.protected FROM targets t LEFT JOIN models m ON m.id = t.model_id WHERE t.id = ?",
                rs -> addRow(d, rs), targetId).isEmpty();
        if (!found) {
            return null;
        }
        for (String sql : TARGET_SECTIONS) {
            List<Boolean> rows = jdbc.list("digest a target", sql, rs -> addRow(d, rs), targetId);
            d.add("rows").add(rows.size());
        }
        // added only once retired, so that every digest signed before schema 6 still holds for an active target
        if (jdbc.one("digest a target", "SELECT retired FROM targets WHERE id = ?", rs -> rs.getInt(1), targetId)
                .orElse(0) != 0) {
            d.add("retired");
        }
        // likewise only for a target that has one, so a target without a pointer keeps the digest it was signed with
        // (before schema 8); with it, a pointer row inserted behind Rewind's back changes the target's facts
        if (withPointer) {
            jdbc.list("digest a target", "SELECT kind, store, name, pointer FROM target_pointers WHERE target_id = ?",
                    rs -> addRow(d.add("pointer"), rs), targetId);
        }
        return d.hex();
    }

    /** As {@link #addRow} over the first four columns, given their types in the fifth. */
    private static boolean addMetric(FactsDigest d, ResultSet rs) throws SQLException {
        int types = rs.getInt(5);
        for (int col = 1; col <= 2; col++) {
            if ((types & col) != 0) {
                d.addText(rs.getString(col));
            } else {
                d.add(rs.getObject(col));
            }
        }
        if ((types & 4) != 0) {
            d.addLong(rs.getLong(3));
        } else {
            d.add((types & 8) != 0 ? null : rs.getObject(3));
        }
        if ((types & 16) != 0) {
            d.addDouble(rs.getDouble(4));
        } else {
            d.add((types & 32) != 0 ? null : rs.getObject(4));
        }
        return true;
    }

    private static boolean addRow(FactsDigest d, ResultSet rs) throws SQLException {
        int n = rs.getMetaData().getColumnCount();
        for (int i = 1; i <= n; i++) {
            d.add(rs.getObject(i));
        }
        return true;
    }

    @Override
    public void keepInitialTags(long versionId) {
        jdbc.update("keep registered tags", "INSERT OR IGNORE INTO version_initial_tags(version_id, key, value) "
                + "SELECT version_id, key, value FROM version_tags WHERE version_id = ?", versionId);
    }

    @Override
    public Map<Long, Map<String, String>> tags() {
        return byVersion("SELECT version_id, key, value FROM version_tags");
    }

    @Override
    public Map<Long, Map<String, String>> initialTags() {
        return byVersion("SELECT version_id, key, value FROM version_initial_tags");
    }

    private Map<Long, Map<String, String>> byVersion(String sql) {
        Map<Long, Map<String, String>> out = new HashMap<>();
        jdbc.list("read tags", sql, rs -> out.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                .put(rs.getString(2), rs.getString(3)));
        return out;
    }

    @Override
    public Map<Long, String> versionNames() {
        Map<Long, String> out = new TreeMap<>();
        jdbc.list("read versions", "SELECT v.id, m.name, v.label FROM versions v LEFT JOIN models m "
                + "ON m.id = v.model_id", rs -> out.put(rs.getLong(1), rs.getString(2) + " " + rs.getString(3)));
        return out;
    }

    @Override
    public List<EventRecord> eventsOfVersion(long versionId) {
        return jdbc.list("read a version's history", "SELECT * FROM events WHERE version_id = ? ORDER BY id",
                SqliteEvents::record, versionId);
    }

    @Override
    public List<EventRecord> eventsOfTarget(long targetId) {
        return jdbc.list("read a target's history", "SELECT * FROM events WHERE target_id = ? ORDER BY id",
                SqliteEvents::record, targetId);
    }

    @Override
    public List<EventRecord> eventsAfter(long id, int limit) {
        return jdbc.list("read the newest history", "SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?",
                SqliteEvents::record, id, limit);
    }

    @Override
    public java.util.Optional<String> hashOf(long eventId) {
        return jdbc.one("read an event", "SELECT hash FROM events WHERE id = ?", rs -> rs.getString(1), eventId);
    }

    @Override
    public Map<String, KeyRow> keys() {
        Map<String, KeyRow> out = new HashMap<>();
        jdbc.list("read signing keys", "SELECT id, actor, public_key, created_at FROM keys",
                rs -> out.put(rs.getString(1), new KeyRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4))));
        return out;
    }

    @Override
    public void addKey(String id, String actor, String publicKey, long at) {
        jdbc.update("store a signing key", "INSERT OR IGNORE INTO keys(id, actor, public_key, created_at) "
                + "VALUES (?,?,?,?)", id, actor, publicKey, at);
    }
}

package dev.rewind.catalog.sqlite;

import dev.rewind.catalog.TargetRepository;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.MetricGuard;
import dev.rewind.domain.TargetPointer;
import dev.rewind.domain.TargetState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class SqliteTargets implements TargetRepository {
    /** A model's targets; "since" is one probe of the index events_target_since (see {@link Indexes}). */
    static final String LIST = "SELECT t.id, m.name AS model, t.name, v.label, t.serving_dir, t.protected, t.retired, "
            + " (SELECT max(coalesce(e.effective_at, e.at)) FROM events e WHERE e.target_id = t.id "
            + "  AND e.kind IN " + SqliteEvents.MOVE_KINDS + ") AS since, "
            + " EXISTS (SELECT 1 FROM version_tags vt WHERE vt.version_id = t.version_id "
            + "  AND vt.key = 'failed' COLLATE NOCASE) AS live_failed "
            + "FROM targets t JOIN models m ON m.id = t.model_id LEFT JOIN versions v ON v.id = t.version_id ";
    private static final String SELECT_ROW = "SELECT t.id, t.model_id, m.name AS model, t.name, t.serving_dir, "
            + "t.version_id, v.label, t.protected, t.retired FROM targets t JOIN models m ON m.id = t.model_id "
            + "LEFT JOIN versions v ON v.id = t.version_id ";

    private final Jdbc jdbc;

    SqliteTargets(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TargetRow> find(String model, String name) {
        return jdbc.one("find target", SELECT_ROW + "WHERE m.name = ? AND t.name = ?"
                + jdbc.lockForChange("t"), this::row, model, name);
    }

    @Override
    public Optional<TargetRow> byId(long id) {
        return jdbc.one("find target", SELECT_ROW + "WHERE t.id = ?" + jdbc.lockForChange("t"), this::row, id);
    }

    @Override
    public long insert(long modelId, String name, String servingDir) {
        return jdbc.insert("add target", "INSERT INTO targets(model_id, name, serving_dir) VALUES (?,?,?)",
                modelId, name, servingDir);
    }

    @Override
    public void point(long targetId, Long versionId) {
        jdbc.update("move target", "UPDATE targets SET version_id = ? WHERE id = ?", versionId, targetId);
    }

    @Override
    public void retire(long targetId) {
        jdbc.update("retire target", "UPDATE targets SET retired = 1 WHERE id = ?", targetId);
    }

    @Override
    public List<TargetState> list(String model, boolean withRetired) {
        String where = (model == null ? "WHERE 1 = 1 " : "WHERE m.name = ? ") + (withRetired ? "" : "AND t.retired = 0 ");
        String sql = LIST + where
                + "ORDER BY m.name, CASE t.name WHEN 'production' THEN 0 WHEN 'staging' THEN 1 ELSE 2 END, t.name";
        Object[] args = model == null ? new Object[0] : new Object[] {model};
        return jdbc.list("list targets", sql, rs -> {
            Long since = Jdbc.nullableLong(rs, "since");
            return new TargetState(rs.getLong("id"), rs.getString("model"), rs.getString("name"), rs.getString("label"),
                    since == null ? null : Instant.ofEpochMilli(since), rs.getString("serving_dir"),
                    rs.getInt("protected") != 0, rs.getInt("retired") != 0, rs.getInt("live_failed") != 0);
        }, args);
    }

    @Override
    public List<TargetRow> all() {
        return jdbc.list("list targets", SELECT_ROW + "ORDER BY t.id", this::row);
    }

    @Override
    public void setProtected(long targetId, boolean protectedTarget) {
        jdbc.update("protect target", "UPDATE targets SET protected = ? WHERE id = ?", protectedTarget ? 1 : 0, targetId);
    }

    @Override
    public List<MetricGuard> guards(long targetId) {
        return jdbc.list("read guards", "SELECT key, min, max FROM target_guards WHERE target_id = ? ORDER BY key",
                rs -> new MetricGuard(rs.getString("key"), nullableDouble(rs, "min"), nullableDouble(rs, "max")),
                targetId);
    }

    @Override
    public void setGuards(long targetId, List<MetricGuard> guards) {
        jdbc.update("clear guards", "DELETE FROM target_guards WHERE target_id = ?", targetId);
        for (MetricGuard g : guards) {
            jdbc.update("set guard", "INSERT INTO target_guards(target_id, key, min, max) VALUES (?,?,?,?)",
                    targetId, g.key(), g.min(), g.max());
        }
    }

    @Override
    public Optional<TargetPointer> pointer(long targetId) {
        return jdbc.one("read target pointer", "SELECT kind, store, name, pointer FROM target_pointers WHERE target_id = ?",
                rs -> new TargetPointer(TargetPointer.Kind.of(rs.getString("kind")), rs.getString("store"),
                        rs.getString("name"), rs.getString("pointer")), targetId);
    }

    @Override
    public void setPointer(long targetId, TargetPointer p) {
        jdbc.update("set target pointer", "INSERT INTO target_pointers(target_id, kind, store, name, pointer) "
                + "VALUES (?,?,?,?,?)", targetId, p.kind().id(), p.store(), p.name(), p.pointer());
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }

    private TargetRow row(ResultSet rs) throws SQLException {
        return new TargetRow(rs.getLong("id"), rs.getLong("model_id"), rs.getString("model"), rs.getString("name"),
                rs.getString("serving_dir"), Jdbc.nullableLong(rs, "version_id"), rs.getString("label"),
                rs.getInt("protected") != 0, rs.getInt("retired") != 0);
    }
}

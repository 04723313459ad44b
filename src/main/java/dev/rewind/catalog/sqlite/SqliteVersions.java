package dev.rewind.catalog.sqlite;

import dev.rewind.catalog.NewVersion;
import dev.rewind.catalog.VersionRepository;
import dev.rewind.domain.Artifact;
import dev.rewind.domain.MetricValue;
import dev.rewind.domain.Version;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class SqliteVersions implements VersionRepository {
    private static final String SELECT = "SELECT v.*, m.name AS model_name, p.label AS parent_label "
            + "FROM versions v JOIN models m ON m.id = v.model_id LEFT JOIN versions p ON p.id = v.parent_id ";

    private final Jdbc jdbc;

    SqliteVersions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Version> find(String model, String label) {
        return withDetails(jdbc.list("find version", SELECT + "WHERE m.name = ? AND v.label = ?", this::row,
                model, label)).stream().findFirst();
    }

    @Override
    public Optional<Version> byId(long id) {
        return withDetails(jdbc.list("find version", SELECT + "WHERE v.id = ?", this::row, id)).stream().findFirst();
    }

    @Override
    public List<Version> list(String model) {
        return withDetails(jdbc.list("list versions", SELECT + "WHERE m.name = ? ORDER BY v.seq", this::row, model));
    }

    @Override
    public List<Version> light(String model, java.util.Set<String> keys) {
        return new SqliteLightVersions(jdbc).read(model, keys);
    }

    @Override
    public List<Version> tableRows(String model, java.util.Set<String> keys) {
        return new SqliteLightVersions(jdbc).read(model, keys, true);
    }

    @Override
    public List<String> metricKeys(String model) {
        return new SqliteLightVersions(jdbc).metricKeys(model);
    }

    @Override
    public List<Version> byIds(List<Long> ids) {
        List<Version> out = new java.util.ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += SqliteLightVersions.CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + SqliteLightVersions.CHUNK));
            String in = "IN (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
            Map<Long, Version> byId = new HashMap<>();
            withDetails(jdbc.list("find versions", SELECT + "WHERE v.id " + in, this::row, chunk.toArray()), in,
                    chunk.toArray()).forEach(v -> byId.put(v.id(), v));
            chunk.stream().map(byId::get).filter(java.util.Objects::nonNull).forEach(out::add);
        }
        return out;
    }

    /** Rows come back without metrics, params and tags; this fills them with one query each. */
    private List<Version> withDetails(List<Version> bare) {
        if (bare.isEmpty()) {
            return bare;
        }
        if (bare.size() == 1) {
            return withDetails(bare, "= ?", new Object[] {bare.get(0).id()});
        }
        return withDetails(bare, "IN (SELECT id FROM versions WHERE model_id = (SELECT model_id FROM versions "
                + "WHERE id = ?))", new Object[] {bare.get(0).id()});
    }

    /** Fills {@code bare} with the metrics, params and tags of the versions whose id is {@code scope}. */
    private List<Version> withDetails(List<Version> bare, String scope, Object[] args) {
        Map<Long, Map<String, Double>> metrics = new HashMap<>();
        Map<Long, Map<String, String>> params = new HashMap<>();
        Map<Long, Map<String, String>> tags = new HashMap<>();
        jdbc.list("read metrics", "SELECT version_id, key, value, dataset FROM metrics WHERE step IS NULL "
                + "AND version_id " + scope + " ORDER BY version_id, key", rs -> {
                    double v = rs.getDouble(3);
                    double value = rs.wasNull() ? Double.NaN : v; // NaN is stored as NULL; check before reading on
                    String ds = rs.getString(4);
                    String key = ds == null || ds.isEmpty() ? rs.getString(2) : rs.getString(2) + "@" + ds;
                    metrics.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(key, value);
                    return null;
                }, args);
        jdbc.list("read params", "SELECT version_id, key, value FROM params WHERE version_id " + scope, rs -> {
            params.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
            return null;
        }, args);
        jdbc.list("read tags", "SELECT version_id, key, value FROM version_tags WHERE version_id " + scope, rs -> {
            tags.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
            return null;
        }, args);
        return bare.stream().map(v -> new Version(v.id(), v.model(), v.label(), v.seq(), v.createdAt(), v.author(),
                v.description(), v.artifact(), v.sourceRun(), v.parentLabel(),
                metrics.getOrDefault(v.id(), Map.of()), params.getOrDefault(v.id(), Map.of()),
                tags.getOrDefault(v.id(), Map.of()))).toList();
    }

    private Version row(ResultSet rs) throws SQLException {
        Long size = Jdbc.nullableLong(rs, "artifact_size");
        String uri = rs.getString("artifact_uri");
        Artifact artifact = uri == null ? null : new Artifact(uri, rs.getString("artifact_sha256"), size);
        return new Version(rs.getLong("id"), rs.getString("model_name"), rs.getString("label"), rs.getLong("seq"),
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("author"), rs.getString("description"),
                artifact, rs.getString("source_run"), rs.getString("parent_label"), Map.of(), Map.of(), Map.of());
    }

    @Override
    public long nextSeq(long modelId) {
        return jdbc.one("number version", "SELECT coalesce(max(seq), 0) + 1 FROM versions WHERE model_id = ?",
                rs -> rs.getLong(1), modelId).orElse(1L);
    }

    @Override
    public long insert(NewVersion v) {
        Artifact a = v.artifact();
        return jdbc.insert("register version",
                "INSERT INTO versions(model_id, label, seq, created_at, author, description, artifact_uri, "
                        + "artifact_sha256, artifact_size, source_run, parent_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                v.modelId(), v.label(), v.seq(), v.createdAt().toEpochMilli(), v.author(), v.description(),
                a == null ? null : a.uri(), a == null ? null : a.sha256(), a == null ? null : a.size(),
                v.sourceRun(), v.parentId());
    }

    @Override
    public void addMetrics(long versionId, Collection<MetricValue> metrics) {
        try (PreparedStatement ps = jdbc.connection().prepareStatement(
                "INSERT INTO metrics(version_id, key, value, step, dataset) VALUES (?,?,?,?,?)")) {
            for (MetricValue m : metrics) {
                Jdbc.bind(ps, versionId, m.key(), Double.isNaN(m.value()) ? null : m.value(), m.step(), m.dataset());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new SqlFailure("record metrics", e);
        }
    }

    @Override
    public void addParams(long versionId, Map<String, String> params) {
        try (PreparedStatement ps = jdbc.connection().prepareStatement(
                "INSERT INTO params(version_id, key, value) VALUES (?,?,?)")) {
            for (Map.Entry<String, String> p : params.entrySet()) {
                Jdbc.bind(ps, versionId, p.getKey(), p.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new SqlFailure("record params", e);
        }
    }

    @Override
    public List<MetricValue> metricSteps(long versionId, String key) {
        return jdbc.list("read a training curve", "SELECT key, value, step, dataset FROM metrics "
                + "WHERE version_id = ? AND key = ? AND step IS NOT NULL ORDER BY step", rs -> {
                    double v = rs.getDouble(2);
                    return new MetricValue(rs.getString(1), rs.wasNull() ? Double.NaN : v, rs.getLong(3),
                            rs.getString(4));
                }, versionId, key);
    }

    @Override
    public void putTag(long versionId, String key, String value) {
        jdbc.update("tag version", "INSERT INTO version_tags(version_id, key, value) VALUES (?,?,?) "
                + "ON CONFLICT(version_id, key) DO UPDATE SET value = excluded.value", versionId, key, value);
    }

    @Override
    public boolean removeTag(long versionId, String key) {
        return jdbc.update("untag version", "DELETE FROM version_tags WHERE version_id = ? AND key = ?",
                versionId, key) > 0;
    }

    @Override
    public void addProvenance(long versionId, Map<String, String> provenance) {
        try (PreparedStatement ps = jdbc.connection().prepareStatement(
                "INSERT INTO version_provenance(version_id, key, value) VALUES (?,?,?)")) {
            for (Map.Entry<String, String> p : provenance.entrySet()) {
                Jdbc.bind(ps, versionId, p.getKey(), p.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new SqlFailure("record provenance", e);
        }
    }

    @Override
    public Map<String, String> provenance(long versionId) {
        Map<String, String> out = new TreeMap<>();
        jdbc.list("read provenance", "SELECT key, value FROM version_provenance WHERE version_id = ?", rs -> {
            out.put(rs.getString(1), rs.getString(2));
            return null;
        }, versionId);
        return out;
    }

    @Override
    public List<StoredArtifact> storedArtifacts() {
        return jdbc.list("list stored artifacts", "SELECT m.name, v.label, v.artifact_uri, v.artifact_sha256, "
                + "v.artifact_size FROM versions v JOIN models m ON m.id = v.model_id "
                + "WHERE v.artifact_uri LIKE 'rewind-store:%' ORDER BY m.name, v.seq",
                rs -> new StoredArtifact(rs.getString(1), rs.getString(2),
                        new Artifact(rs.getString(3), rs.getString(4), Jdbc.nullableLong(rs, "artifact_size"))));
    }

    @Override
    public List<String> tagKeys() {
        return jdbc.list("list tag keys", "SELECT DISTINCT key FROM version_tags ORDER BY key", rs -> rs.getString(1));
    }

    @Override
    public dev.rewind.domain.VersionRows rows(String model) {
        return new TimelineQueries(jdbc).rows(model);
    }

    @Override
    public Map<Long, String> labels(long[] ids) {
        return new TimelineQueries(jdbc).labels(ids);
    }

    @Override
    public List<dev.rewind.domain.TimeBucket> buckets(String model, long fromMs, long toMs, int buckets) {
        return new TimelineQueries(jdbc).buckets(model, fromMs, toMs, buckets);
    }

    @Override
    public Map<Long, Double> summaryValues(String model, String key) {
        return new TimelineQueries(jdbc).summaryValues(model, key);
    }

    @Override
    public Optional<Long> newestStableBefore(String model, long seq) {
        return jdbc.one("find the newest stable version", "SELECT v.id FROM version_tags t "
                + "JOIN versions v ON v.id = t.version_id JOIN models m ON m.id = v.model_id "
                + "WHERE t.key = 'stable' COLLATE NOCASE AND m.name = ? AND v.seq < ? AND NOT EXISTS "
                + "(SELECT 1 FROM version_tags f WHERE f.version_id = v.id AND f.key = 'failed' COLLATE NOCASE) "
                + "ORDER BY v.seq DESC LIMIT 1", rs -> rs.getLong(1), model, seq);
    }

    @Override
    public List<String> labels(String model) {
        return jdbc.list("list labels", "SELECT v.label FROM versions v JOIN models m ON m.id = v.model_id "
                + "WHERE m.name = ?", rs -> rs.getString(1), model);
    }
}

package dev.rewind.catalog.sqlite;

import dev.rewind.catalog.ModelRepository;
import dev.rewind.domain.ModelSummary;
import dev.rewind.domain.TargetState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class SqliteModels implements ModelRepository {
    /**
     * Each model with its count of versions, newest label and newest time: three index probes per model, not a count
     * over every version (1,000,000 took 0.5 s before the window could show its list). A model's versions are
     * numbered 1, 2, 3… as they come ({@code nextSeq}, or in order by the bulk loaders) and are never deleted nor
     * renumbered (triggers), so the highest number is their count.
     */
    static final String LIST = "SELECT m.id, m.name, "
            + " coalesce((SELECT max(seq) FROM versions WHERE model_id = m.id), 0) AS n, "
            + " (SELECT label FROM versions WHERE model_id = m.id ORDER BY seq DESC LIMIT 1) AS latest, "
            + " (SELECT max(created_at) FROM versions WHERE model_id = m.id) AS latest_at "
            + "FROM models m ORDER BY m.name";

    private final Jdbc jdbc;

    SqliteModels(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> id(String name) {
        return jdbc.one("find model", "SELECT id FROM models WHERE name = ?", rs -> rs.getLong(1), name);
    }

    @Override
    public long insert(String name, Instant createdAt) {
        return jdbc.insert("add model", "INSERT INTO models(name, created_at) VALUES (?, ?)", name,
                createdAt.toEpochMilli());
    }

    @Override
    public void putTag(long modelId, String key, String value) {
        jdbc.update("tag model", "INSERT INTO model_tags(model_id, key, value) VALUES (?,?,?) "
                + "ON CONFLICT(model_id, key) DO UPDATE SET value = excluded.value", modelId, key, value);
    }

    @Override
    public Map<String, String> tags(long modelId) {
        Map<String, String> out = new java.util.TreeMap<>();
        jdbc.list("read model tags", "SELECT key, value FROM model_tags WHERE model_id = ?", rs -> {
            out.put(rs.getString(1), rs.getString(2));
            return null;
        }, modelId);
        return out;
    }

    @Override
    public List<ModelSummary> list() {
        Map<Long, List<TargetState>> targets = new HashMap<>();
        for (TargetState t : new SqliteTargets(jdbc).list(null)) {
            targets.computeIfAbsent(modelIdOf(t), k -> new ArrayList<>()).add(t);
        }
        Map<Long, java.util.Set<String>> tags = new HashMap<>();
        // the model's tags and its versions' (tags are few beside versions: one pass over each table)
        jdbc.list("read tags to search", "SELECT model_id, key, value FROM model_tags UNION "
                + "SELECT DISTINCT v.model_id, t.key, t.value FROM version_tags t JOIN versions v"
                + jdbc.indexedBy(Indexes.VERSIONS_MODEL_OF) + " ON v.id = t.version_id",
                rs -> {
                    java.util.Set<String> words = tags.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeSet<>());
                    String value = rs.getString(3);
                    words.add(rs.getString(2));
                    if (value != null && !value.isEmpty()) {
                        words.add(rs.getString(2) + "=" + value);
                    }
                    return null;
                });
        return jdbc.list("list models", LIST,
                rs -> {
                    long id = rs.getLong("id");
                    Long at = Jdbc.nullableLong(rs, "latest_at");
                    return new ModelSummary(id, rs.getString("name"), rs.getInt("n"), rs.getString("latest"),
                            at == null ? null : Instant.ofEpochMilli(at), targets.getOrDefault(id, List.of()),
                            List.copyOf(tags.getOrDefault(id, java.util.Set.of())));
                });
    }

    @Override
    public List<String> names() {
        return jdbc.list("list model names", "SELECT name FROM models", rs -> rs.getString(1));
    }

    @Override
    public Map<String, List<String>> descriptions() {
        Map<String, List<String>> out = new HashMap<>();
        jdbc.list("read version descriptions to search", "SELECT DISTINCT m.name, v.description FROM versions v "
                + "JOIN models m ON m.id = v.model_id WHERE v.description IS NOT NULL AND v.description <> ''", rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    return null;
                });
        return out;
    }

    @Override
    public List<String> tagKeys() {
        return jdbc.list("list model tag keys", "SELECT DISTINCT key FROM model_tags", rs -> rs.getString(1));
    }

    private Map<Long, Long> targetModel;

    private long modelIdOf(TargetState t) {
        if (targetModel == null) {
            targetModel = new HashMap<>();
            jdbc.list("list targets", "SELECT id, model_id FROM targets",
                    rs -> targetModel.put(rs.getLong(1), rs.getLong(2)));
        }
        return targetModel.get(t.id());
    }
}

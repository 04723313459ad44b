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
    public List<ModelSummary> list() {
        Map<Long, List<TargetState>> targets = new HashMap<>();
        for (TargetState t : new SqliteTargets(jdbc).list(null)) {
            targets.computeIfAbsent(modelIdOf(t), k -> new ArrayList<>()).add(t);
        }
        return jdbc.list("list models",
                "SELECT m.id, m.name, count(v.id) AS n, "
                        + " (SELECT label FROM versions WHERE model_id = m.id ORDER BY seq DESC LIMIT 1) AS latest, "
                        + " max(v.created_at) AS latest_at "
                        + "FROM models m LEFT JOIN versions v ON v.model_id = m.id "
                        + "GROUP BY m.id ORDER BY m.name",
                rs -> {
                    long id = rs.getLong("id");
                    Long at = Jdbc.nullableLong(rs, "latest_at");
                    return new ModelSummary(id, rs.getString("name"), rs.getInt("n"), rs.getString("latest"),
                            at == null ? null : Instant.ofEpochMilli(at), targets.getOrDefault(id, List.of()));
                });
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

package dev.rewind.catalog.sqlite;

import dev.rewind.catalog.DirectionRepository;
import dev.rewind.domain.Direction;
import java.util.LinkedHashMap;
import java.util.Map;

final class SqliteDirections implements DirectionRepository {
    private final Jdbc jdbc;

    SqliteDirections(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Direction> all() {
        Map<String, Direction> out = new LinkedHashMap<>();
        jdbc.list("read metric directions", "SELECT key, direction FROM metric_directions ORDER BY key",
                rs -> out.put(rs.getString(1), Direction.parse(rs.getString(2))));
        return out;
    }

    @Override
    public void set(String key, Direction direction) {
        jdbc.update("set a metric direction",
                "INSERT INTO metric_directions(key, direction) VALUES (?, ?) "
                        + "ON CONFLICT(key) DO UPDATE SET direction = excluded.direction", key, direction.id());
    }
}

package dev.rewind.catalog;

import dev.rewind.domain.Direction;
import java.util.Map;

/** Directions people set for metric keys; keys without a row use {@link Direction#defaultFor}. */
public interface DirectionRepository {
    Map<String, Direction> all();

    void set(String key, Direction direction);
}

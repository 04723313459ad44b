package dev.rewind.ui.model;

import dev.rewind.domain.Version;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A model's version labels by id, for naming its lanes' 75,000 moves: an array indexed from the smallest id when
 * the ids are dense (as a model's mostly are), so no lookup boxes a {@code Long}; a map otherwise.
 */
final class LabelsById {
    private LabelsById() {
    }

    static LongFunction<String> of(List<Version> versions) {
        if (versions.isEmpty()) {
            return id -> null;
        }
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (Version v : versions) {
            lo = Math.min(lo, v.id());
            hi = Math.max(hi, v.id());
        }
        if (hi - lo < 4L * versions.size() + 1024) {
            long base = lo;
            String[] byOffset = new String[(int) (hi - lo + 1)];
            for (Version v : versions) {
                byOffset[(int) (v.id() - base)] = v.label();
            }
            return id -> id < base || id - base >= byOffset.length ? null : byOffset[(int) (id - base)];
        }
        Map<Long, String> byId = new HashMap<>(versions.size() * 2);
        for (Version v : versions) {
            byId.put(v.id(), v.label());
        }
        return byId::get;
    }
}

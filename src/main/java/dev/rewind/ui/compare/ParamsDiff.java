package dev.rewind.ui.compare;

import dev.rewind.domain.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Every param of the compared versions side by side, the first version being the baseline. A value a version
 * lacks is null, and differs from any value the baseline has: a param added or dropped is a change too.
 */
public record ParamsDiff(List<String> versions, List<Row> rows) {

    /** One param across the versions; {@code changed(i)} says whether version i's value differs from the baseline's. */
    public record Row(String key, List<String> values) {
        public String value(int i) {
            return values.get(i);
        }

        public boolean changed(int i) {
            return !Objects.equals(values.get(0), values.get(i));
        }

        /** Whether any version's value differs from the baseline's. */
        public boolean changed() {
            for (int i = 1; i < values.size(); i++) {
                if (changed(i)) {
                    return true;
                }
            }
            return false;
        }
    }

    public static final ParamsDiff EMPTY = new ParamsDiff(List.of(), List.of());

    public static ParamsDiff of(List<Version> versions) {
        TreeSet<String> keys = new TreeSet<>();
        versions.forEach(v -> keys.addAll(v.params().keySet()));
        List<Row> rows = new ArrayList<>(keys.size());
        for (String key : keys) {
            List<String> values = new ArrayList<>(versions.size());
            versions.forEach(v -> values.add(v.params().get(key)));
            rows.add(new Row(key, java.util.Collections.unmodifiableList(values)));
        }
        return new ParamsDiff(versions.stream().map(Version::label).toList(), List.copyOf(rows));
    }

    public long changedCount() {
        return rows.stream().filter(Row::changed).count();
    }
}

package dev.rewind.catalog.sqlite;

import dev.rewind.domain.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Versions read for a search: identity and only the values a filter or sort names, so that a model with 100,000
 * versions is searched without reading its other metrics (one index seek per version and key).
 */
final class SqliteLightVersions {
    /** Ids per {@code IN (...)}: well below SQLite's limit on bound parameters. */
    static final int CHUNK = 500;

    private final Jdbc jdbc;

    SqliteLightVersions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    List<Version> read(String model, Set<String> keys) {
        return read(model, keys, false);
    }

    /**
     * As {@link #read(String, Set)}, and with every tag of each version when {@code allTags} (a table shows them;
     * tags are rare, so this adds little to a 100,000-version read).
     */
    List<Version> read(String model, Set<String> keys, boolean allTags) {
        String scope = model == null ? "" : "WHERE m.name = ? ";
        Object[] modelArg = model == null ? new Object[0] : new Object[] {model};
        Map<Long, Map<String, Double>> metrics = new HashMap<>();
        Map<Long, Map<String, String>> params = new HashMap<>();
        Map<Long, Map<String, String>> tags = new HashMap<>();
        if (!keys.isEmpty()) {
            Set<String> metricKeys = new LinkedHashSet<>(keys);
            keys.forEach(k -> metricKeys.add(k.contains("@") ? k.substring(0, k.lastIndexOf('@')) : k));
            String versions = "(SELECT v.id FROM versions v JOIN models m ON m.id = v.model_id " + scope + ")";
            jdbc.list("search metrics", "SELECT version_id, key, value, dataset FROM metrics WHERE version_id IN "
                    + versions + " AND key IN " + marks(metricKeys.size()) + " AND step IS NULL", rs -> {
                        double v = rs.getDouble(3);
                        double value = rs.wasNull() ? Double.NaN : v; // NaN is stored as NULL
                        String ds = rs.getString(4);
                        String key = ds == null || ds.isEmpty() ? rs.getString(2) : rs.getString(2) + "@" + ds;
                        metrics.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(key, value);
                        return null;
                    }, args(modelArg, metricKeys));
            readTexts("search params", "params", versions, "key", keys, modelArg, params);
            // tags written before keys were normalized may read "Stable": the filter matches them case-blind
            if (!allTags) {
                readTexts("search tags", "version_tags", versions, "lower(key)", lower(keys), modelArg, tags);
            }
        }
        if (allTags) {
            jdbc.list("table tags", "SELECT version_id, key, value FROM version_tags WHERE version_id IN "
                    + "(SELECT v.id FROM versions v JOIN models m ON m.id = v.model_id " + scope + ")", rs -> {
                        tags.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
                        return null;
                    }, modelArg);
        }
        return jdbc.list("search versions", "SELECT v.id, m.name, v.label, v.seq, v.created_at, v.author "
                + "FROM versions v JOIN models m ON m.id = v.model_id " + scope + "ORDER BY m.name, v.seq",
                rs -> {
                    long id = rs.getLong(1);
                    return new Version(id, rs.getString(2), rs.getString(3), rs.getLong(4),
                            Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), null, null, null, null,
                            metrics.getOrDefault(id, Map.of()), params.getOrDefault(id, Map.of()),
                            tags.getOrDefault(id, Map.of()));
                }, modelArg);
    }

    /** The keys of a model's summary metrics (a key measured on a dataset as {@code key@dataset}), sorted. */
    List<String> metricKeys(String model) {
        return jdbc.list("list metric keys", "SELECT DISTINCT CASE dataset WHEN '' THEN key ELSE key || '@' || dataset "
                + "END AS k FROM metrics WHERE version_id IN (SELECT v.id FROM versions v JOIN models m "
                + "ON m.id = v.model_id WHERE m.name = ?) AND step IS NULL ORDER BY k", rs -> rs.getString(1), model);
    }

    private void readTexts(String operation, String table, String versions, String keyColumn, Set<String> keys,
                           Object[] modelArg, Map<Long, Map<String, String>> into) {
        jdbc.list(operation, "SELECT version_id, key, value FROM " + table + " WHERE version_id IN " + versions
                + " AND " + keyColumn + " IN " + marks(keys.size()), rs -> {
                    into.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
                    return null;
                }, args(modelArg, keys));
    }

    private static Set<String> lower(Set<String> keys) {
        Set<String> out = new LinkedHashSet<>();
        keys.forEach(k -> out.add(k.toLowerCase(java.util.Locale.ROOT)));
        return out;
    }

    private static String marks(int n) {
        return "(" + String.join(",", Collections.nCopies(n, "?")) + ")";
    }

    private static Object[] args(Object[] first, Set<String> rest) {
        List<Object> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all.toArray();
    }
}

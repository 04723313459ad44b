package dev.rewind.importer.mlflow;

import dev.rewind.domain.RewindException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads an MLflow {@code mlflow.db} opened read-only (never migrated, never written). Every table and column
 * is looked up with {@code PRAGMA table_info} first, so each of MLflow's schema generations reads: aliases
 * before 2.3, {@code storage_location} from late 2023, {@code workspace} columns from 2026.
 */
final class SqliteMlflowDbReader {
    /** MLflow stores ±infinity as ±Double.MAX_VALUE ("Sql can not represent Infs"). */
    private static final double SQL_INF = 1.7976931348623157e308;

    private SqliteMlflowDbReader() {
    }

    static MlflowStore open(Path db, String runsAsVersions) {
        MlflowDbFile.check(db);
        MlflowDbFile.Opened opened = MlflowDbFile.open(db);
        try {
            Connection c = opened.connection();
            Schema s = new Schema(c);
            if (!s.hasTable("alembic_version")) {
                throw RewindException.badInput("cannot import " + db + ": it is a SQLite database but not an MLflow"
                        + " store (no alembic_version table)");
            }
            for (String t : List.of("registered_models", "model_versions", "runs")) {
                if (!s.hasTable(t)) {
                    throw RewindException.badInput("cannot import " + db + ": the MLflow store has no " + t + " table");
                }
            }
            return new Reading(opened, s, db).open(runsAsVersions);
        } catch (SQLException e) {
            opened.close();
            throw refusal(db, e);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private static RewindException refusal(Path db, SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        if (m.contains("NOTADB") || m.contains("not a database")) {
            return RewindException.badInput("cannot import " + db + ": it is not a SQLite database");
        }
        if (m.contains("CORRUPT") || m.contains("malformed")) {
            return RewindException.badInput("cannot import " + db + ": the file is damaged or truncated (" + m + ")");
        }
        return RewindException.badInput("cannot import " + db + ": " + m);
    }

    /** Which tables and columns this store has. */
    private static final class Schema {
        private final Connection c;
        private final Map<String, Set<String>> columns = new HashMap<>();

        Schema(Connection c) throws SQLException {
            this.c = c;
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    columns.put(rs.getString(1), null);
                }
            }
        }

        boolean hasTable(String t) {
            return columns.containsKey(t);
        }

        boolean has(String table, String column) throws SQLException {
            if (!hasTable(table)) {
                return false;
            }
            Set<String> cols = columns.get(table);
            if (cols == null) {
                cols = new HashSet<>();
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
                    while (rs.next()) {
                        cols.add(rs.getString("name"));
                    }
                }
                columns.put(table, cols);
            }
            return cols.contains(column);
        }

        String col(String table, String column) throws SQLException {
            return has(table, column) ? column : "NULL";
        }
    }

    /** The open store: the registry read at once, each run read when asked for. */
    private static final class Reading implements MlflowStore {
        private final MlflowDbFile.Opened opened;
        private final Connection c;
        private final Schema s;
        private final Path db;
        private final Problems problems;
        /** MLflow 3 logs a model's metrics on the logged model (models:/m-…), not always on its run. */
        private final Map<String, String> loggedModelOfRun = new HashMap<>();
        private List<MlflowData.RegisteredModel> models;

        Reading(MlflowDbFile.Opened opened, Schema s, Path db) {
            this.opened = opened;
            this.c = opened.connection();
            this.s = s;
            this.db = db;
            this.problems = new Problems(db.toString());
        }

        @Override
        public String source() {
            return db.toString();
        }

        @Override
        public List<MlflowData.RegisteredModel> models() {
            return models;
        }

        @Override
        public MlflowData.Run run(String runId) {
            try {
                return readRun(runId);
            } catch (SQLException e) {
                throw refusal(db, e);
            }
        }

        @Override
        public void history(String runId, Consumer<MlflowData.Point> sink) {
            try {
                String modelId = loggedModelOfRun.get(runId);
                if (metrics(runId, sink) == 0 && modelId != null) {
                    loggedModelMetrics(modelId, sink);
                }
            } catch (SQLException e) {
                throw refusal(db, e);
            }
        }

        @Override
        public void throwIfBroken() {
            problems.throwIfAny();
        }

        @Override
        public void close() {
            opened.close();
        }

        /** A version number as MLflow stores it (an INTEGER column); text like 'abc' is refused, never read as 0. */
        private static Integer number(Object o) {
            if (o instanceof Integer || o instanceof Long) {
                long v = ((Number) o).longValue();
                return v >= 0 && v <= Integer.MAX_VALUE ? (int) v : null;
            }
            if (o instanceof String str && str.strip().matches("[0-9]{1,9}")) {
                return Integer.parseInt(str.strip());
            }
            return null;
        }

        /**
         * A model's name in Rewind: MLflow's, prefixed by its workspace unless that is the default one; null, with
         * the row reported as broken, when it has no name.
         */
        private String name(ResultSet rs, String table) throws SQLException {
            String ws = rs.getString("ws");
            String n = rs.getString("name");
            if (n == null) {
                problems.add(table + " has a row without a model name");
                return null;
            }
            return ws == null || ws.equals("default") ? n : ws + "/" + n;
        }

        /** A key column's value; null, with the row reported as broken, when it is missing. */
        private String key(String value, String table, String owner) {
            if (value == null) {
                problems.add(table + " has a row of " + owner + " without a key");
            }
            return value;
        }

        MlflowStore open(String runsAsVersions) throws SQLException {
            models = runsAsVersions == null ? registry() : runsAsModel(runsAsVersions);
            problems.throwIfAny();
            for (MlflowData.RegisteredModel m : models) {
                for (MlflowData.ModelVersion v : m.versions()) {
                    String modelId = RunIds.loggedModelId(v.source());
                    if (v.runId() != null && modelId != null) {
                        loggedModelOfRun.putIfAbsent(v.runId(), modelId);
                    }
                }
            }
            return this;
        }

        private List<MlflowData.RegisteredModel> registry() throws SQLException {
            String ws = s.col("registered_models", "workspace");
            Map<String, String[]> described = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, " + ws + " AS ws, description FROM registered_models ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String n = name(rs, "registered_models");
                    if (n != null) {
                        described.put(n, new String[] {rs.getString("description")});
                    }
                }
            }
            Map<String, Map<String, String>> modelTags = pairs("registered_model_tags", "name", null);
            Map<String, Map<String, Integer>> aliases = new HashMap<>();
            if (s.hasTable("registered_model_aliases")) {
                try (PreparedStatement ps = c.prepareStatement("SELECT name, " + s.col("registered_model_aliases", "workspace")
                        + " AS ws, alias, version FROM registered_model_aliases"); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String model = name(rs, "registered_model_aliases");
                        String alias = key(rs.getString("alias"), "registered_model_aliases", "'" + model + "'");
                        Integer v = number(rs.getObject("version"));
                        if (v == null) {
                            problems.add("alias '" + alias + "' of '" + model + "' points at '"
                                    + rs.getString("version") + "', not a version number");
                        } else if (model != null && alias != null) {
                            aliases.computeIfAbsent(model, k -> new TreeMap<>()).put(alias, v);
                        }
                    }
                }
            }
            Map<String, Map<String, String>> versionTags = pairs("model_version_tags", "name", "version");
            Map<String, List<MlflowData.ModelVersion>> versions = new HashMap<>();
            String mv = "model_versions";
            String sql = "SELECT name, " + s.col(mv, "workspace") + " AS ws, version, " + s.col(mv, "creation_time")
                    + " AS created, " + s.col(mv, "last_updated_time") + " AS updated, " + s.col(mv, "user_id") + " AS user_id, " + s.col(mv, "description") + " AS description, "
                    + s.col(mv, "current_stage") + " AS stage, " + s.col(mv, "source") + " AS source, "
                    + s.col(mv, "run_id") + " AS run_id, " + s.col(mv, "storage_location") + " AS storage "
                    + "FROM model_versions ORDER BY name, version";
            Set<String> seen = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String stage = rs.getString("stage");
                    if ("Deleted_Internal".equals(stage)) {
                        continue;
                    }
                    String model = name(rs, "model_versions");
                    if (model == null) {
                        continue;
                    }
                    Integer version = number(rs.getObject("version"));
                    if (version == null) {
                        problems.add("model_versions row of '" + model + "' has version '" + rs.getString("version")
                                + "', not a version number");
                        continue;
                    }
                    if (!seen.add(model + "\0" + version)) {
                        problems.add("model_versions holds version " + version + " of '" + model + "' twice");
                        continue;
                    }
                    String runId = RunIds.resolve(rs.getString("run_id"), rs.getString("source"), rs.getString("storage"));
                    if (runId == null) {
                        runId = loggedModelRun(rs.getString("source"));
                    }
                    versions.computeIfAbsent(model, k -> new ArrayList<>()).add(new MlflowData.ModelVersion(model, version,
                            Integer.toString(version), rs.getLong("created"), rs.getString("user_id"),
                            rs.getString("description"), stage, rs.getString("source"), runId, rs.getString("storage"),
                            versionTags.getOrDefault(model + "\0" + version, Map.of()), rs.getLong("updated")));
                }
            }
            List<MlflowData.RegisteredModel> out = new ArrayList<>();
            Set<String> names = new java.util.TreeSet<>(described.keySet());
            names.addAll(versions.keySet());
            for (String n : names) {
                String[] d = described.getOrDefault(n, new String[] {null});
                out.add(new MlflowData.RegisteredModel(n, d[0], modelTags.getOrDefault(n, Map.of()),
                        aliases.getOrDefault(n, Map.of()), versions.getOrDefault(n, List.of())));
            }
            return out;
        }

        /** key/value pairs of a tag table, grouped by model name (and version). */
        private Map<String, Map<String, String>> pairs(String table, String nameCol, String versionCol) throws SQLException {
            Map<String, Map<String, String>> out = new HashMap<>();
            if (!s.hasTable(table)) {
                return out;
            }
            String sql = "SELECT " + nameCol + " AS name, " + s.col(table, "workspace") + " AS ws, "
                    + (versionCol == null ? "NULL" : versionCol) + " AS v, key, value FROM " + table;
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String model = name(rs, table);
                    Integer version = versionCol == null ? Integer.valueOf(0) : number(rs.getObject("v"));
                    if (version == null) {
                        problems.add(table + " has a tag of '" + model + "' for version '" + rs.getString("v")
                                + "', not a version number");
                    }
                    String key = key(rs.getString("key"), table, "'" + model + "'");
                    if (model != null && version != null && key != null) {
                        String k = model + (versionCol == null ? "" : "\0" + version);
                        out.computeIfAbsent(k, x -> new TreeMap<>()).put(key, rs.getString("value"));
                    }
                }
            }
            return out;
        }

        /** MLflow 3: a version whose source is models:/m-… names its run through logged_models. */
        private String loggedModelRun(String source) throws SQLException {
            String modelId = RunIds.loggedModelId(source);
            if (modelId == null || !s.has("logged_models", "source_run_id")) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT source_run_id FROM logged_models WHERE model_id = ?")) {
                ps.setString(1, modelId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? RunIds.blankToNull(rs.getString(1)) : null;
                }
            }
        }

        private void loggedModelMetrics(String modelId, Consumer<MlflowData.Point> sink) throws SQLException {
            if (!s.has("logged_model_metrics", "metric_value")) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT metric_name, metric_value, metric_step, "
                    + "metric_timestamp_ms FROM logged_model_metrics WHERE model_id = ? ORDER BY metric_name, metric_step")) {
                ps.setString(1, modelId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double v = rs.getDouble(2);
                        sink.accept(new MlflowData.Point(rs.getString(1), rs.wasNull() ? Double.NaN : value(v, 0),
                                rs.getLong(3), rs.getLong(4)));
                    }
                }
            }
        }

        private List<MlflowData.RegisteredModel> runsAsModel(String experiment) throws SQLException {
            String expName = null;
            String expId = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT experiment_id, name FROM experiments WHERE name = ? OR CAST(experiment_id AS TEXT) = ?")) {
                ps.setString(1, experiment);
                ps.setString(2, experiment);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        expId = rs.getString(1);
                        expName = rs.getString(2);
                    }
                }
            }
            if (expId == null) {
                throw RewindException.badInput("cannot import " + db + ": no experiment named '" + experiment + "'");
            }
            List<MlflowData.ModelVersion> versions = new ArrayList<>();
            String lifecycle = s.has("runs", "lifecycle_stage") ? " AND (lifecycle_stage IS NULL OR lifecycle_stage = 'active')" : "";
            try (PreparedStatement ps = c.prepareStatement("SELECT run_uuid, name, user_id, start_time FROM runs "
                    + "WHERE CAST(experiment_id AS TEXT) = ?" + lifecycle + " ORDER BY start_time, run_uuid")) {
                ps.setString(1, expId);
                try (ResultSet rs = ps.executeQuery()) {
                    int n = 0;
                    while (rs.next()) {
                        n++;
                        String id = rs.getString(1);
                        String runName = RunIds.blankToNull(rs.getString(2));
                        if (runName == null) {
                            runName = runPairs("tags", id).get("mlflow.runName"); // pre-2.0 clients name runs by tag
                        }
                        versions.add(new MlflowData.ModelVersion(expName, n, RunIds.label(runName, id),
                                rs.getLong(4), rs.getString(3), null, null, null, id, null, Map.of()));
                    }
                }
            }
            return List.of(new MlflowData.RegisteredModel(expName, null, Map.of(), Map.of(), RunIds.uniqueLabels(versions)));
        }

        private MlflowData.Run readRun(String id) throws SQLException {
            String name = null;
            String user = null;
            String experiment = null;
            long start = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT r.name, r.user_id, r.start_time, e.name FROM runs r "
                    + "LEFT JOIN experiments e ON e.experiment_id = r.experiment_id WHERE r.run_uuid = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null; // the version names a run this store does not hold
                    }
                    name = rs.getString(1);
                    user = rs.getString(2);
                    start = rs.getLong(3);
                    experiment = rs.getString(4);
                }
            }
            Map<String, Double> latest = new TreeMap<>();
            if (s.hasTable("latest_metrics")) {
                String lnan = s.has("latest_metrics", "is_nan") ? "is_nan" : "0";
                try (PreparedStatement ps = c.prepareStatement("SELECT key, value, " + lnan
                        + " FROM latest_metrics WHERE run_uuid = ?")) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String key = key(rs.getString(1), "latest_metrics", "run " + id);
                            double v = metric(rs, "latest_metrics", id, rs.getInt(3));
                            if (key != null) {
                                latest.put(key, v);
                            }
                        }
                    }
                }
            }
            Map<String, String> params = runPairs("params", id);
            Map<String, String> tags = runPairs("tags", id);
            if ((name == null || name.isBlank()) && tags.containsKey("mlflow.runName")) {
                name = tags.get("mlflow.runName");
            }
            if ((user == null || user.isBlank()) && tags.containsKey("mlflow.user")) {
                user = tags.get("mlflow.user");
            }
            return new MlflowData.Run(id, name, experiment, user, start, latest, params, tags);
        }

        /**
         * Streams the run's rows of {@code metrics} in the store's order (MLflow's logging order: a sort would cost more
         * than the rest of the read, and the catalog orders what it reads); returns how many there were. Whether the
         * value is a number and whether it is flagged NaN come in one column, the fewest calls per row.
         */
        private long metrics(String id, Consumer<MlflowData.Point> sink) throws SQLException {
            String nan = s.has("metrics", "is_nan") ? "is_nan" : "0";
            String step = s.has("metrics", "step") ? "step" : "0";
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT key, value, " + step + ", timestamp, (CAST(" + nan
                    + " AS INTEGER) != 0) + 2 * (typeof(value) NOT IN ('real', 'integer')) FROM metrics WHERE run_uuid = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n++;
                        String key = key(rs.getString(1), "metrics", "run " + id);
                        int kind = rs.getInt(5);
                        double v = kind < 2 ? value(rs.getDouble(2), kind) : metric(rs, "metrics", id, kind & 1);
                        if (key != null) {
                            sink.accept(new MlflowData.Point(key, v, rs.getLong(3), rs.getLong(4)));
                        }
                    }
                }
            }
            return n;
        }

        private Map<String, String> runPairs(String table, String id) throws SQLException {
            Map<String, String> out = new TreeMap<>();
            if (!s.hasTable(table)) {
                return out;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM " + table + " WHERE run_uuid = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = key(rs.getString(1), table, "run " + id);
                        if (key != null) {
                            out.put(key, rs.getString(2));
                        }
                    }
                }
            }
            return out;
        }

        /**
         * Column 2 of a metrics row. SQLite gives 0 for a text such as 'x' in a FLOAT column, so anything but a
         * number (or a NULL flagged is_nan) is reported instead of read as 0.
         */
        private double metric(ResultSet rs, String table, String run, int isNan) throws SQLException {
            Object o = rs.getObject(2);
            if (o instanceof Number n) {
                return value(n.doubleValue(), isNan);
            }
            if (o == null && isNan != 0) {
                return Double.NaN;
            }
            String shown = o == null ? "NULL" : "'" + o + "'";
            problems.add(table + " of run " + run + " holds " + shown + " for '" + rs.getString(1) + "', not a number");
            return Double.NaN;
        }

        private static double value(double v, int isNan) {
            if (isNan != 0) {
                return Double.NaN;
            }
            if (v >= SQL_INF) {
                return Double.POSITIVE_INFINITY;
            }
            if (v <= -SQL_INF) {
                return Double.NEGATIVE_INFINITY;
            }
            return v;
        }
    }
}

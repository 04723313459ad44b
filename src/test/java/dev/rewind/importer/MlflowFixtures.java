package dev.rewind.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Small MLflow stores built in the tests, one per schema generation, and an mlruns/ folder. */
final class MlflowFixtures {
    /** Schema generations: before tags (0a82…), with aliases (2.3), with storage_location (2.12), with workspaces (2026). */
    enum Generation { OLDEST, ALIASES, STORAGE_LOCATION, WORKSPACES }

    static final String MODEL = "fraud-模型";
    static final String RUN1 = "11111111111111111111111111111111";
    static final String RUN2 = "22222222222222222222222222222222";
    static final String RUN3 = "33333333333333333333333333333333";

    private MlflowFixtures() {
    }

    /**
     * A store with versions 1–3 of {@link #MODEL} (version 3 registered with an empty run_id, its run named only in
     * its source URI), a Deleted_Internal version 4, version 3 in stage Production, alias champion → 2 where
     * aliases exist, a NaN and an infinite metric value, and per-step history.
     */
    static Path db(Path dir, Generation g) throws SQLException {
        Path db = dir.resolve("mlflow-" + g.name().toLowerCase() + ".db");
        boolean tags = g != Generation.OLDEST;
        boolean aliases = g.ordinal() >= Generation.ALIASES.ordinal();
        boolean storage = g.ordinal() >= Generation.STORAGE_LOCATION.ordinal();
        boolean ws = g == Generation.WORKSPACES;
        String wsCol = ws ? ", workspace VARCHAR(63) DEFAULT 'default' NOT NULL" : "";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
            st.executeUpdate("INSERT INTO alembic_version VALUES ('" + g.name() + "')");
            st.executeUpdate("CREATE TABLE experiments (experiment_id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(256) NOT NULL, "
                    + "artifact_location VARCHAR(256), lifecycle_stage VARCHAR(32)" + wsCol + ")");
            st.executeUpdate("INSERT INTO experiments(experiment_id, name, lifecycle_stage) VALUES (1, 'fraud-exp', 'active')");
            st.executeUpdate("CREATE TABLE runs (run_uuid VARCHAR(32) NOT NULL PRIMARY KEY, name VARCHAR(250), user_id VARCHAR(256), "
                    + "status VARCHAR(9), start_time BIGINT, end_time BIGINT, lifecycle_stage VARCHAR(20), artifact_uri VARCHAR(200), "
                    + "experiment_id INTEGER)");
            st.executeUpdate("CREATE TABLE metrics (key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT NOT NULL, "
                    + "run_uuid VARCHAR(32) NOT NULL, step BIGINT DEFAULT '0' NOT NULL, is_nan BOOLEAN DEFAULT '0' NOT NULL)");
            st.executeUpdate("CREATE TABLE latest_metrics (key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT, "
                    + "step BIGINT NOT NULL, is_nan BOOLEAN NOT NULL, run_uuid VARCHAR(32) NOT NULL)");
            st.executeUpdate("CREATE TABLE params (key VARCHAR(250) NOT NULL, value VARCHAR(250) NOT NULL, run_uuid VARCHAR(32) NOT NULL)");
            st.executeUpdate("CREATE TABLE tags (key VARCHAR(250) NOT NULL, value VARCHAR(5000), run_uuid VARCHAR(32) NOT NULL)");
            st.executeUpdate("CREATE TABLE registered_models (name VARCHAR(256) NOT NULL, creation_time BIGINT, "
                    + "last_updated_time BIGINT, description VARCHAR(5000)" + wsCol + ")");
            st.executeUpdate("CREATE TABLE model_versions (name VARCHAR(256) NOT NULL, version INTEGER NOT NULL, creation_time BIGINT, "
                    + "last_updated_time BIGINT, description VARCHAR(5000), user_id VARCHAR(256), current_stage VARCHAR(20), "
                    + "source VARCHAR(500), run_id VARCHAR(32)" + (g == Generation.OLDEST ? " NOT NULL" : "") + ", status VARCHAR(20), "
                    + "status_message VARCHAR(500)" + (tags ? ", run_link VARCHAR(500)" : "")
                    + (storage ? ", storage_location VARCHAR(500)" : "") + wsCol + ")");
            if (tags) {
                st.executeUpdate("CREATE TABLE registered_model_tags (key VARCHAR(250) NOT NULL, value VARCHAR(5000), "
                        + "name VARCHAR(256) NOT NULL" + wsCol + ")");
                st.executeUpdate("CREATE TABLE model_version_tags (key VARCHAR(250) NOT NULL, value VARCHAR(5000), "
                        + "name VARCHAR(256) NOT NULL, version INTEGER NOT NULL" + wsCol + ")");
                st.executeUpdate("INSERT INTO registered_model_tags(key, value, name) VALUES ('team', 'risk', '" + MODEL + "')");
                st.executeUpdate("INSERT INTO model_version_tags(key, value, name, version) VALUES ('validated', 'yes', '"
                        + MODEL + "', 2)");
            }
            if (aliases) {
                st.executeUpdate("CREATE TABLE registered_model_aliases (alias VARCHAR(256) NOT NULL, version INTEGER NOT NULL, "
                        + "name VARCHAR(256) NOT NULL" + wsCol + ")");
                st.executeUpdate("INSERT INTO registered_model_aliases(alias, version, name) VALUES ('champion', 2, '" + MODEL + "')");
            }
            st.executeUpdate("INSERT INTO registered_models(name, creation_time, description) VALUES ('" + MODEL
                    + "', 1700000000000, 'fraud model')");
            try (PreparedStatement run = c.prepareStatement("INSERT INTO runs(run_uuid, name, user_id, status, start_time, "
                    + "lifecycle_stage, experiment_id) VALUES (?,?,?,?,?,?,1)")) {
                for (String[] r : new String[][] {{RUN1, "first-run"}, {RUN2, "second-run"}, {RUN3, ""}}) {
                    run.setString(1, r[0]);
                    run.setString(2, r[1]);
                    run.setString(3, "ana");
                    run.setString(4, "FINISHED");
                    run.setLong(5, 1700000000000L + r[0].charAt(0));
                    run.setString(6, "active");
                    run.executeUpdate();
                }
            }
            st.executeUpdate("INSERT INTO tags(key, value, run_uuid) VALUES ('mlflow.runName', 'third-run', '" + RUN3 + "')");
            st.executeUpdate("INSERT INTO params(key, value, run_uuid) VALUES ('lr', '0.1', '" + RUN1 + "'), ('lr', '0.05', '"
                    + RUN2 + "'), ('model/depth', '6', '" + RUN2 + "')");
            // history: auc over 3 steps for each run; run2's loss is NaN; run3's loss is +inf as MLflow stores it
            try (PreparedStatement m = c.prepareStatement(
                    "INSERT INTO metrics(key, value, timestamp, run_uuid, step, is_nan) VALUES (?,?,?,?,?,?)")) {
                for (String run : new String[] {RUN1, RUN2, RUN3}) {
                    for (int step = 0; step < 3; step++) {
                        metric(m, "auc", 0.8 + step * 0.01 + (run.charAt(0) - '0') * 0.02, step, run, false);
                    }
                }
                metric(m, "loss", 0.3, 0, RUN1, false);
                metric(m, "loss", 0, 0, RUN2, true);
                metric(m, "loss", 1.7976931348623157e308, 0, RUN3, false);
            }
            st.executeUpdate("INSERT INTO latest_metrics(key, value, timestamp, step, is_nan, run_uuid) "
                    + "SELECT key, value, timestamp, step, is_nan, run_uuid FROM metrics m WHERE step = "
                    + "(SELECT max(step) FROM metrics WHERE run_uuid = m.run_uuid AND key = m.key)");
            String cols = "name, version, creation_time, user_id, current_stage, source, run_id, status" + (storage ? ", storage_location" : "");
            String values = storage ? ",?)" : ")";
            try (PreparedStatement v = c.prepareStatement("INSERT INTO model_versions(" + cols + ") VALUES (?,?,?,?,?,?,?,?" + values)) {
                version(v, 1, "None", "runs:/" + RUN1 + "/model", RUN1, storage);
                version(v, 2, "Archived", "mlruns/1/" + RUN2 + "/artifacts/model", RUN2, storage);
                version(v, 3, "Production", "runs:/" + RUN3 + "/model", "", storage);
                version(v, 4, "Deleted_Internal", "REDACTED-SOURCE-PATH", "REDACTED-RUN-ID", storage);
            }
        }
        return db;
    }

    private static void metric(PreparedStatement m, String key, double value, int step, String run, boolean nan) throws SQLException {
        m.setString(1, key);
        m.setDouble(2, value);
        m.setLong(3, 1700000000000L + step);
        m.setString(4, run);
        m.setLong(5, step);
        m.setInt(6, nan ? 1 : 0);
        m.executeUpdate();
    }

    private static void version(PreparedStatement v, int n, String stage, String source, String run, boolean storage)
            throws SQLException {
        v.setString(1, MODEL);
        v.setInt(2, n);
        v.setLong(3, 1700000000000L + n * 86_400_000L);
        v.setString(4, null);
        v.setString(5, stage);
        v.setString(6, source);
        v.setString(7, run);
        v.setString(8, "READY");
        if (storage) {
            v.setString(9, "file:///nonexistent/" + n);
        }
        v.executeUpdate();
    }

    /**
     * An mlruns/ folder: experiment 0 with two runs (metric lines with nan, inf and a legacy two-field line, a
     * param key with '/'), registry model "churn" with versions 1–2 and a deleted version 3, alias prod → 2.
     */
    static Path mlruns(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("mlruns"));
        Path exp = Files.createDirectories(root.resolve("0"));
        Files.writeString(exp.resolve("meta.yaml"), "artifact_location: file:///x\nexperiment_id: '0'\nlifecycle_stage: active\nname: Default\n");
        run(exp, RUN1, "alpha", "1700000000000 0.81 0\n1700000001000 0.85 1\n", "1700000000000 nan 0\n");
        run(exp, RUN2, "beta", "1700000000000 0.86 0\n1700000001000 0.88 1\n1700000002000 0.9\n", "1700000000000 inf 0\n");
        Files.createDirectories(root.resolve(".trash"));
        Path model = Files.createDirectories(root.resolve("models/churn"));
        Files.writeString(model.resolve("meta.yaml"), "creation_timestamp: 1700000000000\ndescription: churn model\n"
                + "last_updated_timestamp: 1700000000000\nname: churn\naliases: {}\nsome_future_key: 42\n");
        Files.createDirectories(model.resolve("aliases"));
        Files.writeString(model.resolve("aliases/prod"), "2");
        Files.createDirectories(model.resolve("tags"));
        Files.writeString(model.resolve("tags/owner"), "dara");
        versionYaml(model, 1, "None", RUN1);
        versionYaml(model, 2, "Production", RUN2);
        versionYaml(model, 3, "Deleted_Internal", "REDACTED-RUN-ID");
        Files.createDirectories(model.resolve("version-2/tags"));
        Files.writeString(model.resolve("version-2/tags/reviewed"), "true");
        return root;
    }

    private static void run(Path exp, String id, String name, String auc, String loss) throws IOException {
        Path r = Files.createDirectories(exp.resolve(id));
        Files.writeString(r.resolve("meta.yaml"), "artifact_uri: file:///x/" + id + "/artifacts\nend_time: 1700000009000\n"
                + "entry_point_name: ''\nexperiment_id: '0'\nlifecycle_stage: active\nrun_id: " + id + "\nrun_name: " + name
                + "\nrun_uuid: " + id + "\nsource_type: 4\nstart_time: 1700000000000\nstatus: 3\ntags: []\nuser_id: ana\n");
        Files.createDirectories(r.resolve("metrics"));
        Files.writeString(r.resolve("metrics/auc"), auc);
        Files.writeString(r.resolve("metrics/loss"), loss);
        Files.createDirectories(r.resolve("params/model"));
        Files.writeString(r.resolve("params/model/depth"), "6");
        Files.writeString(r.resolve("params/lr"), "0.1");
        Files.createDirectories(r.resolve("tags"));
        Files.writeString(r.resolve("tags/mlflow.user"), "ana");
    }

    private static void versionYaml(Path model, int n, String stage, String run) throws IOException {
        Path v = Files.createDirectories(model.resolve("version-" + n));
        Files.writeString(v.resolve("meta.yaml"), "creation_timestamp: " + (1700000000000L + n * 86_400_000L)
                + "\ncurrent_stage: " + stage + "\ndescription: null\nlast_updated_timestamp: 1700000000000\nname: churn\n"
                + "run_id: " + run + "\nrun_link: null\nsource: mlruns/0/" + run + "/artifacts/model\nstatus: READY\n"
                + "status_message: null\nuser_id: null\nversion: " + n + "\nmodel_id: null\n");
    }
}

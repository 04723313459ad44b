package dev.rewind.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * Writes a synthetic {@code mlflow.db} in MLflow's own schema (with its indexes): one experiment of RUNS runs,
 * each with METRICS metrics of STEPS steps (and their latest_metrics rows), and a registered model
 * {@code big-model} whose version N is run N. Deterministic per seed. Also a command:
 * {@code java -cp target/test-classes:target/classes:<sqlite-jdbc.jar> dev.rewind.importer.MlflowDbGenerator DIR RUNS METRICS STEPS}.
 */
public final class MlflowDbGenerator {
    public static final String MODEL = "big-model";
    private static final long T0 = 1_700_000_000_000L;

    private MlflowDbGenerator() {
    }

    public static void main(String[] args) throws SQLException {
        Path db = generate(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), 1);
        System.out.println(db);
    }

    /** The run id of run {@code r}: 32 hex digits, as MLflow's. */
    public static String runId(int r) {
        return String.format("%032x", (long) r * 7919 + 1);
    }

    /** The value run {@code r} logs for metric {@code k} at step {@code s} of a store made with {@code seed}. */
    public static double value(long seed, int r, int k, int s) {
        long h = seed * 0x9E3779B97F4A7C15L + r * 1_000_003L + k * 10_007L + s;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (h >>> 11) / (double) (1L << 53);
    }

    public static Path generate(Path dir, int runs, int metrics, int steps, long seed) throws SQLException {
        Path db = dir.resolve("mlflow.db");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(db);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot prepare " + db, e);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode = OFF");
                st.execute("PRAGMA synchronous = OFF");
                schema(st);
            }
            c.setAutoCommit(false);
            fill(c, runs, metrics, steps, seed);
            c.commit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                // MLflow's indexes, made after the rows: much faster than keeping them up to date row by row
                st.execute("CREATE INDEX index_metrics_run_uuid ON metrics (run_uuid)");
                st.execute("CREATE INDEX index_latest_metrics_run_uuid ON latest_metrics (run_uuid)");
                st.execute("CREATE INDEX index_params_run_uuid ON params (run_uuid)");
                st.execute("CREATE INDEX index_tags_run_uuid ON tags (run_uuid)");
            }
        }
        return db;
    }

    private static void schema(Statement st) throws SQLException {
        st.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
        st.execute("INSERT INTO alembic_version VALUES ('1b5f0d9ad7c1')");
        st.execute("CREATE TABLE experiments (experiment_id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(256) NOT NULL, "
                + "artifact_location VARCHAR(256), lifecycle_stage VARCHAR(32), creation_time BIGINT, last_update_time BIGINT)");
        st.execute("CREATE TABLE runs (run_uuid VARCHAR(32) NOT NULL PRIMARY KEY, name VARCHAR(250), source_type VARCHAR(20), "
                + "user_id VARCHAR(256), status VARCHAR(9), start_time BIGINT, end_time BIGINT, lifecycle_stage VARCHAR(20), "
                + "artifact_uri VARCHAR(200), experiment_id INTEGER)");
        // metric rows are unique on their whole content, as in MLflow; the key's lookup index comes after the rows
        st.execute("CREATE TABLE metrics (key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT NOT NULL, "
                + "run_uuid VARCHAR(32) NOT NULL, step BIGINT DEFAULT '0' NOT NULL, is_nan BOOLEAN DEFAULT '0' NOT NULL, "
                + "CONSTRAINT metric_pk PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan))");
        st.execute("CREATE TABLE latest_metrics (key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT, "
                + "step BIGINT NOT NULL, is_nan BOOLEAN NOT NULL, run_uuid VARCHAR(32) NOT NULL, "
                + "CONSTRAINT latest_metric_pk PRIMARY KEY (key, run_uuid))");
        st.execute("CREATE TABLE params (key VARCHAR(250) NOT NULL, value VARCHAR(8000) NOT NULL, run_uuid VARCHAR(32) NOT NULL, "
                + "CONSTRAINT param_pk PRIMARY KEY (key, run_uuid))");
        st.execute("CREATE TABLE tags (key VARCHAR(250) NOT NULL, value VARCHAR(8000), run_uuid VARCHAR(32) NOT NULL, "
                + "CONSTRAINT tag_pk PRIMARY KEY (key, run_uuid))");
        st.execute("CREATE TABLE registered_models (name VARCHAR(256) NOT NULL PRIMARY KEY, creation_time BIGINT, "
                + "last_updated_time BIGINT, description VARCHAR(5000))");
        st.execute("CREATE TABLE model_versions (name VARCHAR(256) NOT NULL, version INTEGER NOT NULL, creation_time BIGINT, "
                + "last_updated_time BIGINT, description VARCHAR(5000), user_id VARCHAR(256), current_stage VARCHAR(20), "
                + "source VARCHAR(500), run_id VARCHAR(32), status VARCHAR(20), status_message VARCHAR(500), "
                + "run_link VARCHAR(500), storage_location VARCHAR(500), PRIMARY KEY (name, version))");
        st.execute("CREATE TABLE registered_model_tags (key VARCHAR(250) NOT NULL, value VARCHAR(5000), "
                + "name VARCHAR(256) NOT NULL, PRIMARY KEY (key, name))");
        st.execute("CREATE TABLE model_version_tags (key VARCHAR(250) NOT NULL, value VARCHAR(5000), name VARCHAR(256) NOT NULL, "
                + "version INTEGER NOT NULL, PRIMARY KEY (key, name, version))");
        st.execute("CREATE TABLE registered_model_aliases (alias VARCHAR(256) NOT NULL, version INTEGER NOT NULL, "
                + "name VARCHAR(256) NOT NULL, PRIMARY KEY (name, alias))");
        st.execute("INSERT INTO experiments VALUES (1, 'big-experiment', 'file:///tmp/none', 'active', " + T0 + ", " + T0 + ")");
        st.execute("INSERT INTO registered_models VALUES ('" + MODEL + "', " + T0 + ", " + T0 + ", 'generated')");
    }

    private static void fill(Connection c, int runs, int metrics, int steps, long seed) throws SQLException {
        Random rnd = new Random(seed);
        try (PreparedStatement run = c.prepareStatement("INSERT INTO runs VALUES (?,?,'LOCAL','gen','FINISHED',?,?,'active',"
                + "'file:///tmp/none',1)");
             PreparedStatement version = c.prepareStatement("INSERT INTO model_versions VALUES ('" + MODEL + "',?,?,?,NULL,"
                     + "'gen','None',?,?,'READY',NULL,'',NULL)");
             PreparedStatement metric = c.prepareStatement("INSERT INTO metrics VALUES (?,?,?,?,?,0)");
             PreparedStatement latest = c.prepareStatement("INSERT INTO latest_metrics VALUES (?,?,?,?,0,?)");
             PreparedStatement param = c.prepareStatement("INSERT INTO params VALUES ('lr',?,?)");
             PreparedStatement tag = c.prepareStatement("INSERT INTO tags VALUES ('mlflow.runName',?,?)")) {
            for (int r = 0; r < runs; r++) {
                String id = runId(r);
                long start = T0 + r * 60_000L;
                run.setString(1, id);
                run.setString(2, "run-" + r);
                run.setLong(3, start);
                run.setLong(4, start + 50_000);
                run.executeUpdate();
                version.setInt(1, r + 1);
                version.setLong(2, start + 55_000);
                version.setLong(3, start + 55_000);
                version.setString(4, "runs:/" + id + "/model");
                version.setString(5, id);
                version.executeUpdate();
                for (int k = 0; k < metrics; k++) {
                    String key = "metric_" + k;
                    for (int s = 0; s < steps; s++) {
                        metric.setString(1, key);
                        metric.setDouble(2, value(seed, r, k, s));
                        metric.setLong(3, start + s);
                        metric.setString(4, id);
                        metric.setLong(5, s);
                        metric.addBatch();
                    }
                    metric.executeBatch();
                    latest.setString(1, key);
                    latest.setDouble(2, value(seed, r, k, steps - 1));
                    latest.setLong(3, start + steps - 1);
                    latest.setLong(4, steps - 1);
                    latest.setString(5, id);
                    latest.executeUpdate();
                }
                param.setString(1, Double.toString(rnd.nextDouble() / 10));
                param.setString(2, id);
                param.executeUpdate();
                tag.setString(1, "run-" + r);
                tag.setString(2, id);
                tag.executeUpdate();
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO registered_model_aliases VALUES ('champion', " + runs + ", '" + MODEL + "')");
        }
    }
}

package dev.rewind.catalog.sqlite;

import dev.rewind.catalog.BulkLoad;
import dev.rewind.catalog.NewVersion;
import dev.rewind.domain.Artifact;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** {@link BulkLoad} over four statements kept open for the transaction; each holds at most {@link #BATCH} rows. */
final class SqliteBulk implements BulkLoad {
    private static final int BATCH = 20_000;

    private final Batch versions;
    private final Batch metrics;
    private final Batch params;
    private final Batch tags;
    private final WrittenMetrics written;
    private long nextId;

    /** {@code written}: where the metric rows sent are also kept for the digests, or null. */
    SqliteBulk(Jdbc jdbc, WrittenMetrics written) {
        this.written = written;
        this.nextId = jdbc.one("number versions", "SELECT coalesce(max(id), 0) + 1 FROM versions",
                rs -> rs.getLong(1)).orElse(1L);
        this.versions = new Batch(jdbc, "INSERT INTO versions(id, model_id, label, seq, created_at, author, "
                + "description, artifact_uri, artifact_sha256, artifact_size, source_run, parent_id) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", "register versions");
        this.metrics = new Batch(jdbc, "INSERT INTO metrics(version_id, key, value, step, dataset) VALUES (?,?,?,?,'')",
                "record metrics");
        this.params = new Batch(jdbc, "INSERT INTO params(version_id, key, value) VALUES (?,?,?)", "record params");
        this.tags = new Batch(jdbc, "INSERT INTO version_tags(version_id, key, value) VALUES (?,?,?)", "tag versions");
    }

    @Override
    public long version(NewVersion v) {
        long id = nextId++;
        Artifact a = v.artifact();
        versions.add(id, v.modelId(), v.label(), v.seq(), v.createdAt().toEpochMilli(), v.author(), v.description(),
                a == null ? null : a.uri(), a == null ? null : a.sha256(), a == null ? null : a.size(),
                v.sourceRun(), v.parentId());
        // written at once: events and pointers refer to it next, and a deferred foreign-key check would make
        // SQLite search the unindexed referring columns of events for every version inserted after it
        versions.flush();
        return id;
    }

    @Override
    public void metric(long versionId, String key, double value, Long step) {
        Double v = Double.isNaN(value) ? null : value;
        metrics.add(versionId, key, v, step);
        if (written != null) {
            written.add(versionId, key, v, step);
        }
    }

    @Override
    public void param(long versionId, String key, String value) {
        params.add(versionId, key, value);
    }

    @Override
    public void tag(long versionId, String key, String value) {
        tags.add(versionId, key, value);
    }

    @Override
    public void flush() {
        versions.flush();
        metrics.flush();
        params.flush();
        tags.flush();
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            for (Batch b : new Batch[] {versions, metrics, params, tags}) {
                try {
                    b.ps.close();
                } catch (SQLException e) {
                    System.getLogger(SqliteBulk.class.getName()).log(System.Logger.Level.WARNING,
                            "could not close a bulk statement", e);
                }
            }
        }
    }

    /** One prepared statement and the rows queued on it. */
    private final class Batch {
        private final PreparedStatement ps;
        private final String operation;
        private int queued;

        Batch(Jdbc jdbc, String sql, String operation) {
            this.operation = operation;
            try {
                this.ps = jdbc.connection().prepareStatement(sql);
            } catch (SQLException e) {
                throw new SqlFailure(operation, e);
            }
        }

        void add(Object... args) {
            try {
                Jdbc.bind(ps, args);
                ps.addBatch();
            } catch (SQLException e) {
                throw new SqlFailure(operation, e);
            }
            if (++queued >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (queued == 0) {
                return;
            }
            try {
                ps.executeBatch();
                queued = 0;
            } catch (SQLException e) {
                throw new SqlFailure(operation, e);
            }
        }
    }
}

package dev.rewind.catalog.sqlite;

import dev.rewind.catalog.CatalogTx;
import dev.rewind.catalog.DirectionRepository;
import dev.rewind.catalog.EventRepository;
import dev.rewind.catalog.ModelRepository;
import dev.rewind.catalog.ProofRepository;
import dev.rewind.catalog.TargetRepository;
import dev.rewind.catalog.VersionRepository;
import java.sql.Connection;

final class SqliteTx implements CatalogTx, AutoCloseable {
    private final Jdbc jdbc;
    private ModelRepository models;
    private VersionRepository versions;
    private TargetRepository targets;
    private EventRepository events;
    private DirectionRepository directions;
    private ProofRepository proofs;

    SqliteTx(Connection c) {
        this.jdbc = new Jdbc(c);
    }

    @Override
    public ModelRepository models() {
        return models == null ? models = new SqliteModels(jdbc) : models;
    }

    @Override
    public VersionRepository versions() {
        return versions == null ? versions = new SqliteVersions(jdbc) : versions;
    }

    @Override
    public TargetRepository targets() {
        return targets == null ? targets = new SqliteTargets(jdbc) : targets;
    }

    @Override
    public EventRepository events() {
        return events == null ? events = new SqliteEvents(jdbc) : events;
    }

    @Override
    public DirectionRepository directions() {
        return directions == null ? directions = new SqliteDirections(jdbc) : directions;
    }

    /** Releases the statements kept for this transaction; before it commits or rolls back. */
    @Override
    public void close() {
        jdbc.close();
    }

    @Override
    public dev.rewind.catalog.BulkLoad bulk() {
        return new SqliteBulk(jdbc);
    }

    @Override
    public ProofRepository proofs() {
        return proofs == null ? proofs = new SqliteProofs(jdbc) : proofs;
    }
}

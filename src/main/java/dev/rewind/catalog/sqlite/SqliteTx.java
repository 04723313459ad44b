package dev.rewind.catalog.sqlite;

import dev.rewind.catalog.CatalogTx;
import dev.rewind.catalog.ChainRepository;
import dev.rewind.catalog.DirectionRepository;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.EventRepository;
import dev.rewind.catalog.EventSigner;
import dev.rewind.catalog.ModelRepository;
import dev.rewind.catalog.ProofRepository;
import dev.rewind.catalog.TargetRepository;
import dev.rewind.catalog.VersionRepository;
import java.sql.Connection;

final class SqliteTx implements CatalogTx {
    private final Jdbc jdbc;
    private ModelRepository models;
    private VersionRepository versions;
    private TargetRepository targets;
    private EventRepository events;
    private DirectionRepository directions;
    private ChainRepository chain;
    private final EventSigner signer;
    private EventRecord lastAppended;
    private ProofRepository proofs;

    SqliteTx(Connection c, EventSigner signer) {
        this.jdbc = new Jdbc(c);
        this.signer = signer;
    }

    /** The newest event this transaction appended, or null: what the head file records after commit. */
    EventRecord lastAppended() {
        return lastAppended;
    }

    /** Called just before commit: signs the newest event appended, which seals the transaction's events. */
    void beforeCommit() {
        if (lastAppended != null) {
            lastAppended = ((SqliteEvents) events()).seal(lastAppended);
        }
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
        return events == null ? events = new SqliteEvents(jdbc, signer, chain(), e -> lastAppended = e) : events;
    }

    @Override
    public DirectionRepository directions() {
        return directions == null ? directions = new SqliteDirections(jdbc) : directions;
    }

    @Override
    public ChainRepository chain() {
        return chain == null ? chain = new SqliteChain(jdbc) : chain;
    }

    @Override
    public ProofRepository proofs() {
        return proofs == null ? proofs = new SqliteProofs(jdbc) : proofs;
    }
}

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

/**
 * The repositories of one transaction over a JDBC connection, in SQLite's SQL or PostgreSQL's ({@link Dialect}):
 * both backends share them, so the rules, the hash chain and the digests are computed by the same code.
 */
public final class SqlTx implements CatalogTx, AutoCloseable {
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

    private final String sessionActor;
    /** Shared by the bulk loader and the digests; SQLite only (see {@link WrittenMetrics}). */
    private final WrittenMetrics written;

    SqlTx(Connection c, EventSigner signer) {
        this(c, signer, Dialect.SQLITE, null, false);
    }

    /**
     * With {@code sessionActor} set, every event is written as that actor, whoever the draft names: on PostgreSQL the
     * database stamps the session user on each event, and the hash must cover the name it keeps. With
     * {@code writing}, a target read in order to move it is locked until the transaction ends, where the dialect
     * can lock rows.
     */
    public SqlTx(Connection c, EventSigner signer, Dialect dialect, String sessionActor, boolean writing) {
        this.jdbc = new Jdbc(c, dialect, writing);
        this.signer = signer;
        this.sessionActor = sessionActor;
        this.written = dialect == Dialect.SQLITE ? new WrittenMetrics() : null;
    }

    /** The newest event this transaction appended, or null: what the head file records after commit. */
    public EventRecord lastAppended() {
        return lastAppended;
    }

    /** Called just before commit: signs the newest event appended, which seals the transaction's events. */
    public void beforeCommit() {
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
        if (events == null) {
            events = new SqliteEvents(jdbc, signer, chain(), sessionActor, e -> lastAppended = e);
        }
        return events;
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
        return new SqliteBulk(jdbc, written);
    }

    @Override
    public ChainRepository chain() {
        return chain == null ? chain = new SqliteChain(jdbc, written) : chain;
    }

    @Override
    public ProofRepository proofs() {
        return proofs == null ? proofs = new SqliteProofs(jdbc) : proofs;
    }
}

package dev.rewind.catalog.sqlite;

import dev.rewind.catalog.ChainFacts;
import dev.rewind.catalog.ChainRepository;
import dev.rewind.catalog.EventChain;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.EventRepository;
import dev.rewind.catalog.EventSigner;
import dev.rewind.catalog.PendingSwitch;
import dev.rewind.domain.Event;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.MoveOverride;
import dev.rewind.domain.RewindException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

final class SqliteEvents implements EventRepository {
    /** {@link EventKind#MOVES} as an SQL list, e.g. {@code ('deploy','rollback','import')}. */
    static final String MOVE_KINDS = EventKind.MOVES.stream().map(k -> "'" + k.id() + "'")
            .collect(Collectors.joining(",", "(", ")"));
    private static final String SELECT_EVENT = "SELECT e.id, e.at, e.kind, m.name AS model, t.name AS target, "
            + "v.label AS version, f.label AS from_label, o.label AS to_label, e.tag_key, e.tag_value, e.reason, "
            + "e.actor, e.host, e.hash, e.overrides, e.effective_at FROM events e LEFT JOIN models m ON m.id = e.model_id "
            + "LEFT JOIN targets t ON t.id = e.target_id LEFT JOIN versions v ON v.id = e.version_id "
            + "LEFT JOIN versions f ON f.id = e.from_version_id LEFT JOIN versions o ON o.id = e.to_version_id ";

    private final Jdbc jdbc;
    private final EventSigner signer;
    private final ChainRepository chain;
    private final Consumer<EventRecord> appended;
    private final String sessionActor;
    private long lastId = -1;
    private String lastHash;

    SqliteEvents(Jdbc jdbc, EventSigner signer, ChainRepository chain, String sessionActor,
                 Consumer<EventRecord> appended) {
        this.jdbc = jdbc;
        this.sessionActor = sessionActor;
        this.signer = signer;
        this.chain = chain;
        this.appended = appended;
    }

    @Override
    public EventRecord append(EventRecord draft) {
        if (lastId < 0) {
            jdbc.one("append event", "SELECT id, hash, signature FROM events ORDER BY id DESC LIMIT 1", rs -> {
                lastId = rs.getLong(1);
                lastHash = rs.getString(2);
                if (rs.getString(3) == null && lastId >= chain.info().firstSealedEvent()) {
                    // signing it now would vouch for an event Rewind did not write
                    throw RewindException.refused("the newest event " + lastId + " of the history is not signed:"
                            + " Rewind did not write it, so nothing more is written; run 'rewind verify'");
                }
                return null;
            });
            if (lastId < 0) {
                lastId = 0;
                lastHash = EventChain.GENESIS;
            }
        }
        if (sessionActor != null) {
            draft = draft.byActor(sessionActor);
        }
        EventRecord e = draft.linked(lastId + 1, lastHash, factsDigest(draft));
        jdbc.update("append event", "INSERT INTO events(id, at, kind, model_id, target_id, version_id, "
                        + "from_version_id, to_version_id, tag_key, tag_value, reason, actor, host, prev_hash, hash, "
                        + "overrides, facts_digest, effective_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                e.id(), e.at(), e.kind().id(), e.modelId(), e.targetId(), e.versionId(), e.fromVersionId(),
                e.toVersionId(), e.tagKey(), e.tagValue(), e.reason(), e.actor(), e.host(), e.prevHash(), e.hash(),
                e.overrides(), e.factsDigest(), e.effectiveAt());
        lastId = e.id();
        lastHash = e.hash();
        appended.accept(e);
        return e;
    }

    /**
     * Signs the newest event of a transaction just before it commits. Its hash covers every event before it,
     * so one signature per transaction seals them all and a large import costs one signature, not thousands.
     */
    EventRecord seal(EventRecord last) {
        EventSigner.Seal seal = signer.seal(last.actor(), last.hash());
        chain.addKey(seal.keyId(), last.actor(), seal.publicKey(), last.at());
        jdbc.update("sign the history", "UPDATE events SET key_id = ?, signature = ? WHERE id = ?", seal.keyId(),
                seal.signature(), last.id());
        return last.sealed(seal.keyId(), seal.signature());
    }

    /** The facts an event commits to, read back as stored in this transaction (see {@link ChainFacts}). */
    private String factsDigest(EventRecord draft) {
        if (ChainFacts.coversVersion(draft)) {
            chain.keepInitialTags(draft.versionId());
            return chain.versionDigest(draft.versionId());
        }
        return ChainFacts.coversTarget(draft) ? chain.targetDigest(draft.targetId()) : null;
    }

    @Override
    public List<Event> history(String model, String target) {
        // by model id, so SQLite walks events_by_model instead of every event of the catalog
        String sql = SELECT_EVENT + "WHERE e.model_id = (SELECT id FROM models WHERE name = ?) "
                + (target == null ? "" : "AND t.name = ? ")
                + "ORDER BY e.id DESC";
        Object[] args = target == null ? new Object[] {model} : new Object[] {model, target};
        return jdbc.list("read history", sql, SqliteEvents::event, args);
    }

    @Override
    public List<dev.rewind.catalog.Position> positions(String model) {
        return new TimelineQueries(jdbc).positions(model);
    }

    @Override
    public Optional<Event> byId(long id) {
        return jdbc.one("read event", SELECT_EVENT + "WHERE e.id = ?", SqliteEvents::event, id);
    }

    @Override
    public List<EventRecord> moves(long targetId) {
        return jdbc.list("read target history", "SELECT * FROM events WHERE target_id = ? "
                + "AND kind IN " + MOVE_KINDS + " ORDER BY id", SqliteEvents::record, targetId);
    }

    @Override
    public void forEach(Consumer<EventRecord> sink) {
        try (Statement st = jdbc.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM events ORDER BY id")) {
            while (rs.next()) {
                sink.accept(record(rs));
            }
        } catch (SQLException e) {
            throw new SqlFailure("read the history", e);
        }
    }

    @Override
    public long count() {
        return jdbc.one("count events", "SELECT count(*) FROM events", rs -> rs.getLong(1)).orElse(0L);
    }

    @Override
    public void addPendingSwitch(long eventId, long targetId) {
        jdbc.update("record a pending switch", "INSERT INTO pending_switches(event_id, target_id) VALUES (?,?)",
                eventId, targetId);
    }

    @Override
    public void clearPendingSwitch(long eventId) {
        jdbc.update("confirm a switch", "DELETE FROM pending_switches WHERE event_id = ?", eventId);
    }

    @Override
    public List<PendingSwitch> pendingSwitches() {
        return jdbc.list("read pending switches",
                "SELECT event_id, target_id FROM pending_switches ORDER BY event_id",
                rs -> new PendingSwitch(rs.getLong(1), rs.getLong(2)));
    }

    @Override
    public Optional<EventRecord> latestMove(long targetId) {
        return jdbc.one("read target history", "SELECT * FROM events WHERE target_id = ? "
                + "AND kind IN " + MOVE_KINDS + " ORDER BY id DESC LIMIT 1", SqliteEvents::record, targetId);
    }

    private static Event event(ResultSet rs) throws SQLException {
        Long effective = Jdbc.nullableLong(rs, "effective_at");
        return new Event(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")), kind(rs),
                rs.getString("model"), rs.getString("target"), rs.getString("version"), rs.getString("from_label"),
                rs.getString("to_label"), rs.getString("tag_key"), rs.getString("tag_value"), rs.getString("reason"),
                rs.getString("actor"), rs.getString("host"), rs.getString("hash"),
                MoveOverride.parse(rs.getString("overrides")), effective == null ? null : Instant.ofEpochMilli(effective));
    }

    /** A kind no Rewind writes means the row was altered: the catalog is damaged, not the user's input. */
    private static EventKind kind(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        try {
            return EventKind.parse(kind);
        } catch (RewindException e) {
            throw RewindException.unreadable("event " + rs.getLong("id") + " has the unknown kind '" + kind
                    + "': the history was altered");
        }
    }

    static EventRecord record(ResultSet rs) throws SQLException {
        return new EventRecord(rs.getLong("id"), rs.getLong("at"), kind(rs),
                Jdbc.nullableLong(rs, "model_id"), Jdbc.nullableLong(rs, "target_id"),
                Jdbc.nullableLong(rs, "version_id"), Jdbc.nullableLong(rs, "from_version_id"),
                Jdbc.nullableLong(rs, "to_version_id"), rs.getString("tag_key"), rs.getString("tag_value"),
                rs.getString("reason"), rs.getString("actor"), rs.getString("host"), rs.getString("prev_hash"),
                rs.getString("hash"), rs.getString("overrides"), rs.getString("facts_digest"), rs.getString("key_id"),
                rs.getString("signature"), Jdbc.nullableLong(rs, "effective_at"));
    }
}

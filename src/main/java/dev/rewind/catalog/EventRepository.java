package dev.rewind.catalog;

import dev.rewind.domain.Event;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

public interface EventRepository {
    /** Appends an event, linking it into the hash chain; returns it as stored. */
    EventRecord append(EventRecord draft);

    /** Events of a model (optionally of one target), newest first. */
    List<Event> history(String model, String target);

    Optional<Event> byId(long id);

    /**
     * Every pointer move of a model's targets, oldest first: the timeline's lanes, read from an index alone rather
     * than from every event of the model. Each names the version moved to by id ({@link VersionRepository#labels}).
     */
    List<Position> positions(String model);

    /** Pointer moves (deploy, rollback, import) of a target, oldest first. */
    List<EventRecord> moves(long targetId);

    /** Every event in id order, for verification of the chain. */
    void forEach(Consumer<EventRecord> sink);

    long count();

    void addPendingSwitch(long eventId, long targetId);

    void clearPendingSwitch(long eventId);

    /** Committed serving-dir switches not yet confirmed on disk, oldest first. */
    List<PendingSwitch> pendingSwitches();

    /** The newest pointer move of a target, if any. */
    Optional<EventRecord> latestMove(long targetId);
}

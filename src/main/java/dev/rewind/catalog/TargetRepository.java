package dev.rewind.catalog;

import dev.rewind.domain.MetricGuard;
import dev.rewind.domain.TargetPointer;
import dev.rewind.domain.TargetState;
import java.util.List;
import java.util.Optional;

public interface TargetRepository {
    Optional<TargetRow> find(String model, String name);

    Optional<TargetRow> byId(long id);

    long insert(long modelId, String name, String servingDir);

    /** Moves the pointer; only deploy, rollback and import call this, together with appending their event. */
    void point(long targetId, Long versionId);

    /**
     * Active targets of one model, or of every model when {@code model} is null, with their live version and since;
     * retired targets are left out.
     */
    default List<TargetState> list(String model) {
        return list(model, false);
    }

    /** As {@link #list(String)}, with the retired targets too when {@code withRetired}. */
    List<TargetState> list(String model, boolean withRetired);

    /** Marks the target retired; it stays, with its history, but is listed and moved no more. */
    void retire(long targetId);

    List<TargetRow> all();

    void setProtected(long targetId, boolean protectedTarget);

    /** The target's metric guards, by key. */
    List<MetricGuard> guards(long targetId);

    /** Replaces the target's metric guards (empty: clears them). */
    void setGuards(long targetId, List<MetricGuard> guards);

    /** The pointer outside Rewind a target moves, when it is not a serving directory. */
    Optional<TargetPointer> pointer(long targetId);

    /** Sets a target's external pointer, once, together with adding the target. */
    void setPointer(long targetId, TargetPointer pointer);
}

package dev.rewind.catalog;

import dev.rewind.domain.MoveProof;
import dev.rewind.domain.TargetCheck;
import java.util.Map;
import java.util.Optional;

/** Targets' post-switch checks, and the proof recorded beside each deploy or rollback event. */
public interface ProofRepository {
    Optional<TargetCheck> check(long targetId);

    /** Sets a target's check; {@code check} null removes it. */
    void setCheck(long targetId, TargetCheck check);

    /** Records what reading a move back showed; once per move event. */
    void record(long eventId, long at, MoveProof proof);

    /** The recorded proofs of a model's events, by event id. */
    Map<Long, MoveProof> ofModel(String model);
}

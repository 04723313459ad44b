package dev.rewind.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a person asks of a deploy or rollback: move {@code target} of {@code model} to {@code version} (empty on a
 * rollback: the last good version before the live one). When {@code checksLive}, the move is made only if the
 * target still serves {@code expectedLive} (empty: nothing), so a move someone else made first is never undone
 * unseen.
 */
public record MoveRequest(String model, String target, Optional<String> version, boolean checksLive,
                          Optional<String> expectedLive, String reason, Set<MoveOverride> overrides) {

    public MoveRequest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(expectedLive, "expectedLive");
        overrides = Set.copyOf(overrides);
    }

    /** A move to {@code version} (null: on a rollback, the last good one), unchecked, without a reason. */
    public static MoveRequest of(String model, String target, String version) {
        return new MoveRequest(model, target, Optional.ofNullable(version), false, Optional.empty(), null, Set.of());
    }

    /** The same move, made only if the target serves {@code live} (empty: nothing) when it is made. */
    public MoveRequest expecting(Optional<String> live) {
        return new MoveRequest(model, target, version, true, live, reason, overrides);
    }

    public MoveRequest because(String why) {
        return new MoveRequest(model, target, version, checksLive, expectedLive, why, overrides);
    }

    public MoveRequest overriding(MoveOverride o) {
        Set<MoveOverride> more = EnumSet.of(o);
        more.addAll(overrides);
        return new MoveRequest(model, target, version, checksLive, expectedLive, reason, more);
    }
}

package dev.rewind.domain;

import java.time.Instant;

/**
 * A deployment slot and what it serves now. {@code liveVersion} is null when nothing was deployed yet;
 * a protected target needs a reason (and in the window its name typed) for every move; a retired one takes none.
 */
public record TargetState(long id, String model, String name, String liveVersion, Instant since, String servingDir,
                          boolean protectedTarget, boolean retired, boolean liveFailed) {
    public TargetState(long id, String model, String name, String liveVersion, Instant since, String servingDir,
                       boolean protectedTarget, boolean retired) {
        this(id, model, name, liveVersion, since, servingDir, protectedTarget, retired, false);
    }

    public TargetState(long id, String model, String name, String liveVersion, Instant since, String servingDir,
                       boolean protectedTarget) {
        this(id, model, name, liveVersion, since, servingDir, protectedTarget, false);
    }
}

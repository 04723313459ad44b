package dev.rewind.domain;

import java.time.Instant;

/** A deployment slot and what it serves now. {@code liveVersion} is null when nothing was deployed yet. */
public record TargetState(long id, String model, String name, String liveVersion, Instant since, String servingDir) {
}

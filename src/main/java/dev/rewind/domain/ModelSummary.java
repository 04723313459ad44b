package dev.rewind.domain;

import java.time.Instant;
import java.util.List;

/** A model with its version count and the live version of each target. */
public record ModelSummary(long id, String name, int versionCount, String latestVersion, Instant latestAt,
                           List<TargetState> targets) {
}

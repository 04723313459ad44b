package dev.rewind.domain;

import java.time.Instant;
import java.util.List;

/**
 * A model with its version count, the live version of each target, and the tags the model list searches: the
 * model's own and its versions' ({@code key} and {@code key=value}, each once).
 */
public record ModelSummary(long id, String name, int versionCount, String latestVersion, Instant latestAt,
                           List<TargetState> targets, List<String> tags) {
    public ModelSummary {
        tags = List.copyOf(tags);
    }

    public ModelSummary(long id, String name, int versionCount, String latestVersion, Instant latestAt,
                        List<TargetState> targets) {
        this(id, name, versionCount, latestVersion, latestAt, targets, List.of());
    }
}

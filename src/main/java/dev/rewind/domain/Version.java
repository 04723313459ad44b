package dev.rewind.domain;

import java.time.Instant;
import java.util.Map;

/**
 * An immutable snapshot of a model. {@code metrics} holds the summary value of each key,
 * {@code tags} maps key to value (null for a bare tag).
 */
public record Version(long id, String model, String label, long seq, Instant createdAt, String author,
                      String description, Artifact artifact, String sourceRun, String parentLabel,
                      Map<String, Double> metrics, Map<String, String> params, Map<String, String> tags) {

    public boolean failed() {
        return Tags.isFailed(tags);
    }

    public boolean stable() {
        return Tags.isStable(tags);
    }
}

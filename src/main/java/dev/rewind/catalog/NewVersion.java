package dev.rewind.catalog;

import dev.rewind.domain.Artifact;
import java.time.Instant;

/** What is written when a version is registered. */
public record NewVersion(long modelId, String label, long seq, Instant createdAt, String author,
                         String description, Artifact artifact, String sourceRun, Long parentId) {
}

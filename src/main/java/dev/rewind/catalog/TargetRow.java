package dev.rewind.catalog;

/** A target as stored: ids for writing, names for messages. {@code versionId} is null before the first deploy. */
public record TargetRow(long id, long modelId, String model, String name, String servingDir,
                        Long versionId, String versionLabel, boolean protectedTarget) {
}

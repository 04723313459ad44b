package dev.rewind.catalog;

/** A target as stored: ids for writing, names for messages. {@code versionId} is null before the first deploy. */
public record TargetRow(long id, long modelId, String model, String name, String servingDir,
                        Long versionId, String versionLabel, boolean protectedTarget, boolean retired) {
    public TargetRow(long id, long modelId, String model, String name, String servingDir, Long versionId,
                     String versionLabel, boolean protectedTarget) {
        this(id, modelId, model, name, servingDir, versionId, versionLabel, protectedTarget, false);
    }
}

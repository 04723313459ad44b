package dev.rewind.catalog;

import dev.rewind.domain.ModelSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface ModelRepository {
    Optional<Long> id(String name);

    long insert(String name, Instant createdAt);

    void putTag(long modelId, String key, String value);

    java.util.Map<String, String> tags(long modelId);

    /** Every model with its version count, latest version and live version per target, by name. */
    List<ModelSummary> list();

    /** Every model name (for the look-alike check; cheaper than {@link #list()}). */
    List<String> names();

    /**
     * Each model's distinct version descriptions, by model name, for the model list's search: a read of its own, since
     * on a catalog of a million versions it scans them all (seconds) while the list itself is read from indexes.
     */
    Map<String, List<String>> descriptions();

    /** Every key of a model tag. */
    List<String> tagKeys();
}

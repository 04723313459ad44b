package dev.rewind.catalog;

import dev.rewind.domain.MetricValue;
import dev.rewind.domain.Version;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface VersionRepository {
    Optional<Version> find(String model, String label);

    Optional<Version> byId(long id);

    /** Every version of a model in sequence order, with summary metrics, params and tags. */
    List<Version> list(String model);

    /**
     * Every version of a model, or of every model when {@code model} is null, in model and sequence order, read
     * light for a search: no artifact, description or parent, and only the summary metrics, params and tags whose
     * key is one of {@code keys} (a metric's {@code key@dataset} counts as its key).
     */
    List<Version> light(String model, java.util.Set<String> keys);

    /**
     * A model's versions for a table: as {@link #light} (author, and only the values whose key is one of
     * {@code keys}), with every tag of each version.
     */
    List<Version> tableRows(String model, java.util.Set<String> keys);

    /** The keys of a model's summary metrics, a key measured on a dataset as {@code key@dataset}; sorted. */
    List<String> metricKeys(String model);

    /** Full versions (as {@link #list} gives them) with these ids, in the order given; unknown ids are skipped. */
    List<Version> byIds(List<Long> ids);

    long nextSeq(long modelId);

    long insert(NewVersion version);

    void addMetrics(long versionId, Collection<MetricValue> metrics);

    void addParams(long versionId, Map<String, String> params);

    /** Per-step values of one metric of a version, ordered by step. */
    List<MetricValue> metricSteps(long versionId, String key);

    void putTag(long versionId, String key, String value);

    boolean removeTag(long versionId, String key);

    /** Model, label and artifact of every version whose bytes live in the artifact store. */
    List<StoredArtifact> storedArtifacts();

    record StoredArtifact(String model, String label, dev.rewind.domain.Artifact artifact) {
    }

    /** Records where a version came from (an import's source identity); written once. */
    void addProvenance(long versionId, Map<String, String> provenance);

    Map<String, String> provenance(long versionId);

    /** Every tag key used in the catalog, for autocompletion. */
    List<String> tagKeys();

    /** A model's versions as light rows (no metrics or params), ordered by creation time then seq. */
    dev.rewind.domain.VersionRows rows(String model);

    /** The labels of the versions with these ids (of any model); an id with no version is left out. */
    java.util.Map<Long, String> labels(long[] ids);

    /**
     * A model's versions created in {@code [fromMs, toMs)} counted in {@code buckets} equal slices of time, with
     * whether any version in a slice is failed, stable or live; only slices holding versions come back.
     */
    List<dev.rewind.domain.TimeBucket> buckets(String model, long fromMs, long toMs, int buckets);

    /** The summary value of one metric for every version of a model that has it, by version id. */
    Map<Long, Double> summaryValues(String model, String key);

    /**
     * The id of the newest version of the model older than {@code seq} tagged stable and not failed (keys in any
     * case), found through the tag index rather than by reading the model's versions.
     */
    java.util.Optional<Long> newestStableBefore(String model, long seq);

    /** The labels of a model's versions (for the look-alike check; cheaper than {@link #list}). */
    List<String> labels(String model);
}

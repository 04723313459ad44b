package dev.rewind.importer.mlflow;

import java.util.List;
import java.util.Map;

/**
 * What Rewind takes from an MLflow store (an {@code mlflow.db} or an {@code mlruns/} folder), independent of
 * where it came from. Metric values may be NaN or ±infinity. A run's logged values are not here: they can be
 * tens of millions, so {@link MlflowStore#history} streams them.
 */
public final class MlflowData {
    private MlflowData() {
    }

    /** A registered model; {@code aliases} maps alias to version number. */
    public record RegisteredModel(String name, String description, Map<String, String> tags,
                                  Map<String, Integer> aliases, List<ModelVersion> versions) {
    }

    /**
     * One model version as MLflow keeps it ({@code stage} None, Staging, Production or Archived). {@code label}
     * is the Rewind version label: the version number, or a run's name when runs are imported as versions.
     * {@code updatedAt}: MLflow's last update of the version (a stage transition sets it), 0 when unknown.
     */
    public record ModelVersion(String model, int version, String label, long createdAt, String userId,
                               String description, String stage, String source, String runId,
                               String storageLocation, Map<String, String> tags, long updatedAt) {
        public ModelVersion(String model, int version, String label, long createdAt, String userId,
                            String description, String stage, String source, String runId,
                            String storageLocation, Map<String, String> tags) {
            this(model, version, label, createdAt, userId, description, stage, source, runId, storageLocation, tags, 0);
        }
    }

    /**
     * A run: the latest metric values the store records ({@code latest_metrics}; keys it lacks get MLflow's rule,
     * see {@link LatestValues}, while the history streams), params and tags.
     */
    public record Run(String runId, String name, String experiment, String user, long startTime,
                      Map<String, Double> latest, Map<String, String> params, Map<String, String> tags) {
    }

    /** One logged metric value. */
    public record Point(String key, double value, long step, long timestamp) {
    }
}

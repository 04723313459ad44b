package dev.rewind.importer.mlflow;

import java.util.List;
import java.util.Map;

/**
 * What Rewind takes from an MLflow store (an {@code mlflow.db} or an {@code mlruns/} folder), independent of
 * where it came from. Metric values may be NaN or ±infinity.
 */
public record MlflowData(String source, List<RegisteredModel> models, Map<String, Run> runs) {

    /** A registered model; {@code aliases} maps alias to version number. */
    public record RegisteredModel(String name, String description, Map<String, String> tags,
                                  Map<String, Integer> aliases, List<ModelVersion> versions) {
    }

    /**
     * One model version as MLflow keeps it ({@code stage} None, Staging, Production or Archived). {@code label}
     * is the Rewind version label: the version number, or a run's name when runs are imported as versions.
     */
    public record ModelVersion(String model, int version, String label, long createdAt, String userId,
                               String description, String stage, String source, String runId,
                               String storageLocation, Map<String, String> tags) {
    }

    /** A run: its latest metric values, the full metric history, params and tags. */
    public record Run(String runId, String name, String experiment, String user, long startTime,
                      Map<String, Double> latest, List<Point> history, Map<String, String> params,
                      Map<String, String> tags) {
    }

    /** One logged metric value. */
    public record Point(String key, double value, long step, long timestamp) {
    }
}

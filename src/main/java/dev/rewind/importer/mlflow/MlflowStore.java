package dev.rewind.importer.mlflow;

import java.util.List;
import java.util.function.Consumer;

/**
 * An MLflow store opened for import, only ever read. The registry (models, versions) is read when it opens; runs
 * and their logged values are read one run at a time, so an import holds one run in memory, not the store.
 * Broken entries met while reading runs are collected, not thrown, so {@link #throwIfBroken} names them all.
 */
public interface MlflowStore extends AutoCloseable {
    String source();

    /** The registered models and their versions (or the experiment's runs, when runs are imported as versions). */
    List<MlflowData.RegisteredModel> models();

    /** The run's name, user, latest values, params and tags; null when the store does not hold it or it is broken. */
    MlflowData.Run run(String runId);

    /** Feeds every value the run logged to {@code sink}, in the store's order. */
    void history(String runId, Consumer<MlflowData.Point> sink);

    /** Refuses the store, naming every broken entry met so far. */
    void throwIfBroken();

    @Override
    void close();
}

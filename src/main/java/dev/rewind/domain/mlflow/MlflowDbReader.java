package dev.rewind.domain.mlflow;

import java.nio.file.Path;

/** Reads an MLflow SQLite backend store, read-only, whatever its schema generation. */
public interface MlflowDbReader {
    /**
     * @param runsAsVersions when not null, the runs of this experiment (name or id) become versions of a
     *                       model named after it, for stores that never used the registry
     */
    MlflowData read(Path db, String runsAsVersions, Progress progress);

    /** Counts reported while reading, and a way to stop. */
    interface Progress {
        void report(String what, long done, long total);

        boolean cancelled();

        Progress NONE = new Progress() {
            @Override
            public void report(String what, long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }
}

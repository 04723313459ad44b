package dev.rewind.importer.mlflow;

import dev.rewind.domain.RewindException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an MLflow store, only ever reading it: an {@code mlruns/} folder (the file store) or an {@code mlflow.db}
 * (the SQLite backend store, whatever its schema generation).
 */
public final class MlflowReader {
    private MlflowReader() {
    }

    /**
     * Opens the store and reads its registry; the caller reads the runs and closes it.
     *
     * @param source         an existing folder or file
     * @param runsAsVersions when not null, the runs of this experiment (name or id) become versions of a
     *                       model named after it, for stores that never used the registry
     */
    public static MlflowStore open(Path source, String runsAsVersions) {
        if (!Files.isDirectory(source)) {
            return SqliteMlflowDbReader.open(source, runsAsVersions);
        }
        if (!MlrunsReader.looksLikeMlruns(source)) {
            throw RewindException.badInput("cannot import " + source + ": not an MLflow store (no models/ folder and"
                    + " no experiment folders with meta.yaml)");
        }
        return new MlrunsReader(source).open(runsAsVersions);
    }

    /** Counts reported while reading, and a way to stop. */
    public interface Progress {
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

package dev.rewind.ui.common;

import dev.rewind.domain.MovePreview;
import java.util.List;
import java.util.Optional;

/** Every dialog the view-models need, so that they never touch a Stage or a Node. */
public interface DialogService {
    /** A tag a person asked for. {@code value} may be null. */
    record TagRequest(String key, String value, String reason) {
    }

    /** Shows what a deploy or rollback will change; returns the reason typed, or empty when cancelled. */
    Optional<String> confirmMove(MovePreview preview);

    Optional<TagRequest> askTag(String model, String version, List<String> knownKeys);

    void showError(String title, String message);

    /** Asks for an MLflow store to import: a folder (mlruns/) or a file (mlflow.db); empty when cancelled. */
    Optional<java.nio.file.Path> askImportSource(boolean folder);

    /** Asks where to save a file; empty when cancelled. */
    Optional<java.nio.file.Path> askSavePath(String title, String suggestedName, String extension);

    /** A short notice that something happened, optionally with an Undo action. */
    void notifyDone(String message, Runnable undo);
}

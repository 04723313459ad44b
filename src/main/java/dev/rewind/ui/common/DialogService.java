package dev.rewind.ui.common;

import dev.rewind.domain.MoveOverride;
import dev.rewind.domain.MovePreview;
import dev.rewind.domain.TargetPointer;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every dialog the view-models need, so that they never touch a Stage or a Node. */
public interface DialogService {
    /** A tag a person asked for. {@code value} may be null. */
    record TagRequest(String key, String value, String reason) {
    }

    /**
     * What a person confirmed for a move: the reason typed and the overrides ticked; or, with {@code linkFirst}, that
     * the target be linked to that pointer (an MLflow alias) first, nothing moved yet, then the move shown again.
     */
    record MoveConfirmation(String reason, Set<MoveOverride> overrides, TargetPointer linkFirst) {
        public MoveConfirmation {
            overrides = Set.copyOf(overrides);
        }

        public MoveConfirmation(String reason, Set<MoveOverride> overrides) {
            this(reason, overrides, null);
        }

        /** The person asked to link the target to {@code p} before moving it. */
        public static MoveConfirmation link(TargetPointer p) {
            return new MoveConfirmation(null, Set.of(), java.util.Objects.requireNonNull(p));
        }
    }

    /**
     * Shows what a deploy or rollback will change; returns the reason typed and the overrides ticked (every one the
     * preview needs), or empty when cancelled.
     */
    Optional<MoveConfirmation> confirmMove(MovePreview preview);

    /** Asks for a one-line reason, e.g. before removing a failed tag; empty when cancelled. */
    Optional<String> askReason(String title, String question);

    Optional<TagRequest> askTag(String model, String version, List<String> knownKeys);

    void showError(String title, String message);

    /** An error with details behind an expander (a stack trace); {@code details} may be null. */
    default void showError(String title, String message, String details) {
        showError(title, message);
    }

    /** Shows {@code t} as one line; an unexpected one is logged with its trace and offers it as details. */
    default void showFailure(String title, Throwable t) {
        Failure f = Failure.of(t);
        showError(title, f.message(), f.details());
    }

    /** Asks for an MLflow store to import: a folder (mlruns/) or a file (mlflow.db); empty when cancelled. */
    Optional<java.nio.file.Path> askImportSource(boolean folder);

    /** Asks where to save a file; empty when cancelled. */
    Optional<java.nio.file.Path> askSavePath(String title, String suggestedName, String extension);

    /** What to do about a catalog path where there is no file yet. */
    enum MissingCatalog {
        CREATE_EMPTY, CREATE_DEMO, CHOOSE_ANOTHER
    }

    /** Asks what to do about {@code path}, where there is no catalog (a typo?); empty when cancelled. */
    Optional<MissingCatalog> askMissingCatalog(java.nio.file.Path path);

    /** Asks for an existing catalog file to open; empty when cancelled. */
    Optional<java.nio.file.Path> askCatalogFile();

    /** A short notice that something happened, optionally with an Undo action. */
    void notifyDone(String message, Runnable undo);
}

package dev.rewind.ui.common;

import dev.rewind.domain.MovePreview;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Dialogs for unit tests: the answers are set beforehand, and every dialog shown is recorded. */
public final class RecordingDialogs implements DialogService {
    /** An error dialog that was shown. */
    public record Error(String title, String message) {
    }

    /** A notice that was shown, and its Undo action (null when it had none). */
    public record Notice(String message, Runnable undo) {
    }

    public final List<MovePreview> previews = new ArrayList<>();
    public final List<Error> errors = new ArrayList<>();
    public final List<Notice> notices = new ArrayList<>();
    /** The reason typed in a move confirmation; empty: the person cancels. */
    public Optional<String> moveReason = Optional.empty();
    public Optional<TagRequest> tag = Optional.empty();
    public Optional<Path> importSource = Optional.empty();
    public Optional<Path> savePath = Optional.empty();

    @Override
    public Optional<String> confirmMove(MovePreview preview) {
        previews.add(preview);
        // as in the real dialog: a blocked move can only be cancelled
        return preview.allowed() ? moveReason : Optional.empty();
    }

    @Override
    public Optional<TagRequest> askTag(String model, String version, List<String> knownKeys) {
        return tag;
    }

    @Override
    public void showError(String title, String message) {
        errors.add(new Error(title, message));
    }

    @Override
    public Optional<Path> askImportSource(boolean folder) {
        return importSource;
    }

    @Override
    public Optional<Path> askSavePath(String title, String suggestedName, String extension) {
        return savePath;
    }

    @Override
    public void notifyDone(String message, Runnable undo) {
        notices.add(new Notice(message, undo));
    }
}

package dev.rewind.ui;

import dev.rewind.domain.MovePreview;
import dev.rewind.ui.common.DialogService;
import dev.rewind.ui.actions.FxDialogService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.Window;

/** The real dialogs, except that "save as" answers with a path the test chose (no native file chooser headless). */
final class TestDialogs implements DialogService {
    private final FxDialogService real;
    volatile Path saveAs;
    volatile Path importFrom;
    volatile Path openFile;

    TestDialogs(Supplier<Window> owner) {
        real = new FxDialogService(owner);
    }

    @Override
    public Optional<MoveConfirmation> confirmMove(MovePreview preview) {
        return real.confirmMove(preview);
    }

    @Override
    public Optional<String> askReason(String title, String question) {
        return real.askReason(title, question);
    }

    @Override
    public Optional<TagRequest> askTag(String model, String version, List<String> knownKeys) {
        return real.askTag(model, version, knownKeys);
    }

    @Override
    public void showError(String title, String message) {
        System.out.println("DIALOG error: " + title + ": " + message);
        real.showError(title, message);
    }

    @Override
    public void showError(String title, String message, String details) {
        System.out.println("DIALOG error: " + title + ": " + message);
        real.showError(title, message, details);
    }

    @Override
    public Optional<Path> askImportSource(boolean folder) {
        return Optional.ofNullable(importFrom);
    }

    @Override
    public Optional<Path> askSavePath(String title, String suggestedName, String extension) {
        return Optional.ofNullable(saveAs);
    }

    @Override
    public Optional<MissingCatalog> askMissingCatalog(Path path) {
        return real.askMissingCatalog(path);
    }

    @Override
    public Optional<Path> askCatalogFile() {
        return Optional.ofNullable(openFile);
    }

    @Override
    public void notifyDone(String message, Runnable undo) {
        real.notifyDone(message, undo);
    }
}

package dev.rewind.ui.actions;

import dev.rewind.domain.MovePreview;
import dev.rewind.ui.common.DialogService;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import dev.rewind.ui.common.ErrorAlert;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/** Dialogs owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<MoveConfirmation> confirmMove(MovePreview preview) {
        MoveDialog d = new MoveDialog(preview);
        d.initOwner(owner.get());
        return d.showAndWait();
    }

    @Override
    public Optional<String> askReason(String title, String question) {
        ReasonDialog d = new ReasonDialog(title, question);
        d.initOwner(owner.get());
        return d.showAndWait();
    }

    @Override
    public Optional<TagRequest> askTag(String model, String version, List<String> knownKeys) {
        TagDialog d = new TagDialog(model, version, knownKeys);
        d.initOwner(owner.get());
        return d.showAndWait();
    }

    @Override
    public void showError(String title, String message) {
        showError(title, message, null);
    }

    @Override
    public void showError(String title, String message, String details) {
        ErrorAlert a = new ErrorAlert(title, message, details);
        a.initOwner(owner.get());
        a.show();
    }

    @Override
    public Optional<java.nio.file.Path> askImportSource(boolean folder) {
        java.io.File f;
        if (folder) {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle("Import an MLflow mlruns/ folder");
            f = chooser.showDialog(owner.get());
        } else {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Import an MLflow database");
            chooser.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("MLflow database", "*.db"),
                    new javafx.stage.FileChooser.ExtensionFilter("All files", "*"));
            f = chooser.showOpenDialog(owner.get());
        }
        return Optional.ofNullable(f).map(java.io.File::toPath);
    }

    @Override
    public Optional<java.nio.file.Path> askSavePath(String title, String suggestedName, String extension) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(
                extension.toUpperCase() + " files", "*." + extension));
        java.io.File f = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(java.io.File::toPath);
    }

    @Override
    public Optional<MissingCatalog> askMissingCatalog(java.nio.file.Path path) {
        return new MissingCatalogDialog(path, owner.get()).showAndWait();
    }

    @Override
    public Optional<java.nio.file.Path> askCatalogFile() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Open catalog");
        chooser.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("Rewind catalog (*.db)", "*.db"),
                new javafx.stage.FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(java.io.File::toPath);
    }

    @Override
    public void notifyDone(String message, Runnable undo) {
        Window w = owner.get();
        if (w != null && w.getScene() != null && w.getScene().lookup("#" + NoticeBar.ID) instanceof NoticeBar bar) {
            bar.show(message, undo);
            return;
        }
        // a window without a status bar (none in the app today) still gets the notice and its Undo
        Notifications n = Notifications.create().title("Done").text(message).owner(w)
                .position(Pos.BOTTOM_LEFT).hideAfter(Duration.seconds(10));
        if (undo != null) {
            n.action(new Action("Undo", e -> undo.run()));
        }
        n.showInformation();
    }
}

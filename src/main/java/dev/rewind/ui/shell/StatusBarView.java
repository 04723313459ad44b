package dev.rewind.ui.shell;

import dev.rewind.ui.actions.NoticeBar;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The bottom line: the last "done" notice with its Undo, the open catalog, an import's progress while one runs, the last change seen, the status. */
final class StatusBarView extends HBox {
    StatusBarView(MainViewModel vm) {
        super(16);
        Label catalog = new Label();
        catalog.setId("status-catalog");
        catalog.textProperty().bind(vm.catalogPathProperty());
        Label change = new Label();
        change.setId("status-change");
        change.textProperty().bind(vm.lastChangeProperty());
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        catalog.setMinWidth(0); // a notice beside it shortens the path, not the notice
        // the notice first: nothing left of it changes width, so its Undo does not move while the catalog path,
        // the last change or the status change theirs
        getChildren().setAll(new NoticeBar(), catalog, spacer, importProgress(vm.importer()), change, status);
        setPadding(new Insets(4, 8, 4, 8));
        getStyleClass().add("rw-status-bar");
    }

    /** Shown while an import runs: what it is doing, how far, and Cancel. */
    private static HBox importProgress(ImportViewModel importer) {
        ProgressBar bar = new ProgressBar();
        bar.setId("import-progress");
        bar.setPrefWidth(140);
        bar.progressProperty().bind(importer.progressProperty());
        Label what = new Label();
        what.textProperty().bind(importer.messageProperty());
        Button cancel = new Button("Cancel import");
        cancel.setId("import-cancel");
        cancel.getStyleClass().add("small");
        cancel.setOnAction(e -> importer.cancel());
        HBox box = new HBox(8, what, bar, cancel);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(importer.runningProperty());
        box.managedProperty().bind(importer.runningProperty());
        return box;
    }
}

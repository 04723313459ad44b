package dev.rewind.ui.details;

import dev.rewind.domain.ArtifactFile;
import dev.rewind.domain.Text;
import dev.rewind.ui.common.Formats;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A directory artifact's files (name, size, SHA-256 from its manifest) and "Open folder" for its stored copy. */
final class ArtifactFilesView extends VBox {
    private static final double ROW = 26;
    private static final int ROWS_SHOWN = 8;
    /** The column header and borders (the theme's header is taller than a row). */
    private static final double HEADER = 48;

    ArtifactFilesView(ArtifactFilesViewModel vm) {
        super(6);
        setId("details-files");
        Label title = new Label("Files");
        title.getStyleClass().add("rw-section");
        Label status = new Label();
        status.setId("details-files-status");
        status.getStyleClass().add("rw-muted");
        status.textProperty().bind(Bindings.createStringBinding(() -> vm.readingProperty().get() ? "Listing files…"
                : vm.problemProperty().get() != null ? vm.problemProperty().get()
                : Text.count(vm.files().size(), "file"),
                vm.readingProperty(), vm.problemProperty(), vm.files()));
        Button open = new Button("Open folder");
        open.setId("details-open-folder");
        open.getStyleClass().add("small");
        open.setAccessibleText("Open the stored copy's folder in the file manager");
        open.disableProperty().bind(vm.folderProperty().isNull());
        open.setOnAction(e -> vm.openFolder());
        HBox head = new HBox(10, title, status, open);
        head.setAlignment(Pos.BASELINE_LEFT);
        getChildren().setAll(head, table(vm));
        // only a stored directory has files to list: a single file shows nothing here
        visibleProperty().bind(vm.readingProperty().or(vm.problemProperty().isNotNull())
                .or(Bindings.isNotEmpty(vm.files())));
        managedProperty().bind(visibleProperty());
    }

    private static TableView<ArtifactFile> table(ArtifactFilesViewModel vm) {
        TableView<ArtifactFile> t = new TableView<>(vm.files());
        t.setId("details-files-table");
        t.setFixedCellSize(ROW);
        t.setAccessibleText("Files of the artifact");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ArtifactFile, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().path()));
        name.setPrefWidth(260);
        TableColumn<ArtifactFile, String> size = new TableColumn<>("Size");
        size.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Formats.bytes(c.getValue().size())));
        size.setPrefWidth(90);
        TableColumn<ArtifactFile, String> sha = new TableColumn<>("SHA-256");
        sha.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().sha256()));
        sha.setPrefWidth(420);
        t.getColumns().setAll(java.util.List.of(name, size, sha));
        javafx.scene.control.MenuItem copyName = new javafx.scene.control.MenuItem("Copy name");
        copyName.setOnAction(e -> copySelected(t, ArtifactFile::path));
        javafx.scene.control.MenuItem copySha = new javafx.scene.control.MenuItem("Copy SHA-256");
        copySha.setOnAction(e -> copySelected(t, ArtifactFile::sha256));
        t.setContextMenu(new javafx.scene.control.ContextMenu(copyName, copySha));
        // as tall as its rows up to a few, then it scrolls: Details around it stays in view
        t.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> ROW * Math.min(Math.max(vm.files().size(), 1), ROWS_SHOWN) + HEADER, vm.files()));
        t.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return t;
    }

    private static void copySelected(TableView<ArtifactFile> t, java.util.function.Function<ArtifactFile, String> what) {
        ArtifactFile f = t.getSelectionModel().getSelectedItem();
        if (f != null) {
            Values.copy(what.apply(f));
        }
    }
}

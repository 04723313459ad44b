package dev.rewind.ui.shell;

import dev.rewind.domain.ModelSummary;
import dev.rewind.domain.TargetState;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sidebar: a filter field over the catalog's models, one cell each, and a spinner while they load. */
final class ModelListView extends VBox {
    private final TextField filter = new TextField();
    private final ListView<ModelSummary> modelList = new ListView<>();

    ModelListView(MainViewModel vm) {
        super(8);
        filter.setId("model-filter");
        filter.setPromptText("Filter models  (Ctrl+F)");
        filter.setAccessibleText("Filter models by name, tag or description");
        modelList.setId("model-list");
        modelList.setCellFactory(l -> new ModelCell());
        modelList.setAccessibleText("Models");
        Label empty = new Label();
        empty.setId("model-list-empty");
        empty.textProperty().bind(vm.modelListPlaceholderProperty());
        empty.setWrapText(true);
        modelList.setPlaceholder(empty);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(32, 32);
        spinner.visibleProperty().bind(vm.loadingProperty());
        StackPane listStack = new StackPane(modelList, spinner);
        VBox.setVgrow(listStack, Priority.ALWAYS);
        getChildren().setAll(filter, listStack);
        setPadding(new Insets(8));
        setMinWidth(200);
        getStyleClass().add("rw-sidebar");
        bind(vm);
    }

    private void bind(MainViewModel vm) {
        filter.textProperty().bindBidirectional(vm.filterProperty());
        modelList.setItems(vm.models());
        modelList.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> {
            if (m != null) {
                vm.selectedModelProperty().set(m);
            }
        });
        vm.selectedModelProperty().addListener((o, a, m) -> {
            if (m != null && modelList.getSelectionModel().getSelectedItem() != m) {
                modelList.getSelectionModel().select(m);
            }
        });
    }

    void focusFilter() {
        filter.requestFocus();
    }

    /** A model with its live version per target, e.g. "production 1.1.0 · staging 2.0.0". */
    private static final class ModelCell extends ListCell<ModelSummary> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final Label failedLive = new Label();
        private final VBox box = new VBox(2, name, detail, failedLive);

        ModelCell() {
            name.getStyleClass().add("rw-model-name");
            detail.getStyleClass().add("rw-model-detail");
            setPrefWidth(0); // follow the list's width and ellipsize instead of scrolling sideways
            name.setMinWidth(0);
            detail.setMinWidth(0);
            failedLive.getStyleClass().addAll("rw-model-failed-live", "rw-danger");
            failedLive.setMinWidth(0);
            failedLive.managedProperty().bind(failedLive.visibleProperty());
        }

        @Override
        protected void updateItem(ModelSummary m, boolean empty) {
            super.updateItem(m, empty);
            if (empty || m == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            name.setText(m.name());
            String live = m.targets().stream().filter(t -> t.liveVersion() != null)
                    .map(t -> t.name() + " " + t.liveVersion()).collect(Collectors.joining(" · "));
            detail.setText((live.isEmpty() ? "not deployed" : live) + " · " + m.versionCount() + " versions");
            // a target serving a version tagged failed is the first thing to see in the list
            String failed = m.targets().stream().filter(TargetState::liveFailed)
                    .map(t -> t.name() + " serves failed " + t.liveVersion()).collect(Collectors.joining(" · "));
            failedLive.setText(failed.isEmpty() ? "" : "⚠ " + failed);
            failedLive.setVisible(!failed.isEmpty());
            failedLive.setTooltip(failed.isEmpty() ? null : new javafx.scene.control.Tooltip(failed));
            // the cell shows labels in a box: a screen reader reads the cell's own text, so it is said here
            setAccessibleText(m.name() + ", " + (live.isEmpty() ? "not deployed" : "live: " + live.replace(" · ", ", "))
                    + ", " + m.versionCount() + " versions" + (failed.isEmpty() ? "" : ", warning: " + failed));
            setGraphic(box);
            setText(null);
        }
    }
}

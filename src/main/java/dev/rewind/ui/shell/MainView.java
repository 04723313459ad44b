package dev.rewind.ui.shell;

import dev.rewind.domain.ModelSummary;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The main window's content: model list on the left, the selected model in the centre, a status bar. */
public final class MainView extends BorderPane {
    private final MainViewModel vm;
    private final TextField filter = new TextField();
    private final ListView<ModelSummary> modelList = new ListView<>();
    private final Label status = new Label();
    private final Label catalog = new Label();

    public MainView(MainViewModel vm) {
        this.vm = vm;
        createView();
        bind();
    }

    private void createView() {
        getStyleClass().add("rw-main");
        filter.setId("model-filter");
        filter.setPromptText("Filter models");
        modelList.setId("model-list");
        modelList.setCellFactory(l -> new ModelCell());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(32, 32);
        spinner.visibleProperty().bind(vm.loadingProperty());
        Label empty = new Label("No models yet. Register one with 'rewind register'.");
        empty.setWrapText(true);
        modelList.setPlaceholder(empty);
        StackPane listStack = new StackPane(modelList, spinner);
        VBox.setVgrow(listStack, Priority.ALWAYS);
        VBox left = new VBox(8, filter, listStack);
        left.setPadding(new Insets(8));
        left.setPrefWidth(280);
        left.getStyleClass().add("rw-sidebar");
        setLeft(left);

        Label hint = new Label("Select a model to see its history.");
        hint.setId("centre-hint");
        hint.getStyleClass().add("rw-hint");
        setCenter(new StackPane(hint));

        status.setId("status");
        catalog.setId("status-catalog");
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, catalog, spacer, status);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("rw-status-bar");
        setBottom(bar);
    }

    private void bind() {
        filter.textProperty().bindBidirectional(vm.filterProperty());
        modelList.setItems(vm.models());
        status.textProperty().bind(vm.statusProperty());
        catalog.textProperty().bind(vm.catalogPathProperty());
        vm.errorProperty().addListener((o, a, message) -> {
            if (message != null && getScene() != null) {
                Alert alert = new Alert(Alert.AlertType.ERROR, message);
                alert.setHeaderText("Rewind could not do that");
                alert.initOwner(getScene().getWindow());
                alert.show();
            }
        });
    }

    /** A model with its live version per target, e.g. "production 1.1.0 · staging 2.0.0". */
    private static final class ModelCell extends ListCell<ModelSummary> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(2, name, detail);

        ModelCell() {
            name.getStyleClass().add("rw-model-name");
            detail.getStyleClass().add("rw-model-detail");
        }

        @Override
        protected void updateItem(ModelSummary m, boolean empty) {
            super.updateItem(m, empty);
            if (empty || m == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(m.name());
            String live = m.targets().stream().filter(t -> t.liveVersion() != null)
                    .map(t -> t.name() + " " + t.liveVersion()).collect(Collectors.joining(" · "));
            detail.setText(live.isEmpty() ? m.versionCount() + " versions · latest " + m.latestVersion() : live);
            setGraphic(box);
            setText(null);
        }

    }
}

package dev.rewind.ui.shell;

import dev.rewind.domain.ModelSummary;
import dev.rewind.domain.TargetState;
import dev.rewind.ui.common.DelayedSpinner;
import dev.rewind.ui.common.Tooltips;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The sidebar: a filter field over the catalog's models, one cell each, and a spinner while they load. The
 * window's first frame may keep the field's place empty ({@link #addFilter} puts it there): a text field's skin and
 * styles took some 20 ms of that frame.
 */
final class ModelListView extends VBox {
    /** The filter field's height in Rewind's theme (its place kept in the first frame; a test checks the two agree). */
    static final double FILTER_HEIGHT = 32;
    private final TextField filter = new TextField();
    private final ListView<ModelSummary> modelList = new ListView<>();

    ModelListView(MainViewModel vm) {
        this(vm, false);
    }

    ModelListView(MainViewModel vm, boolean filterLater) {
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
        DelayedSpinner spinner = new DelayedSpinner(vm.loadingProperty(), 32);
        spinner.setId("model-list-loading");
        StackPane listStack = new StackPane(modelList, spinner);
        VBox.setVgrow(listStack, Priority.ALWAYS);
        getChildren().setAll(filterLater ? MainView.keptFor(FILTER_HEIGHT) : filter, listStack);
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

    /** Puts the filter field in the place kept for it; once. */
    void addFilter() {
        if (getChildren().get(0) != filter) {
            getChildren().set(0, filter);
        }
    }

    void focusFilter() {
        addFilter();
        filter.requestFocus();
    }

    /**
     * A model in two lines, every cell the same height (the list then never measures cells to lay itself out, the
     * larger part of the first frame's layout on a catalog of many models): its name, then its live version per
     * target and its number of versions, e.g. "production 1.1.0 · staging 2.0.0 · 14 versions". A target serving
     * a version tagged failed turns that line into a warning that names it first: "⚠ production serves failed
     * 1.1.0 · staging 2.0.0 · 14 versions". A line cut short by the sidebar's width is whole in its tooltip.
     */
    private static final class ModelCell extends ListCell<ModelSummary> {
        private static final String FAILED = "rw-model-failed-live";
        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(2, name, detail);

        ModelCell() {
            name.getStyleClass().add("rw-model-name");
            detail.getStyleClass().add("rw-model-detail");
            setPrefWidth(0); // follow the list's width and ellipsize instead of scrolling sideways
            name.setMinWidth(0);
            detail.setMinWidth(0);
            // the sidebar is narrow: a line cut short is whole in its tooltip
            Tooltips.onFirstHover(name, name.textProperty());
            Tooltips.onFirstHover(detail, detail.textProperty());
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
            // a target serving a version tagged failed is the first thing to see in the list
            List<String> failed = m.targets().stream().filter(TargetState::liveFailed)
                    .map(t -> t.name() + " serves failed " + t.liveVersion()).toList();
            List<String> live = m.targets().stream().filter(t -> t.liveVersion() != null && !t.liveFailed())
                    .map(t -> t.name() + " " + t.liveVersion()).toList();
            List<String> serving = new ArrayList<>(failed);
            serving.addAll(live);
            String versions = dev.rewind.domain.Text.count(m.versionCount(), "version");
            String line = (serving.isEmpty() ? "not deployed" : String.join(" · ", serving)) + " · " + versions;
            detail.setText(failed.isEmpty() ? line : "⚠ " + line);
            detail.getStyleClass().removeAll(FAILED, "rw-danger");
            if (!failed.isEmpty()) {
                detail.getStyleClass().addAll(FAILED, "rw-danger");
            }
            // the cell shows labels in a box: a screen reader reads the cell's own text, so it is said here
            List<String> said = new ArrayList<>(List.of(m.name()));
            if (!failed.isEmpty()) {
                said.add("warning: " + String.join(", ", failed));
            }
            if (!live.isEmpty()) {
                said.add("live: " + String.join(", ", live));
            } else if (failed.isEmpty()) {
                said.add("not deployed");
            }
            said.add(versions);
            setAccessibleText(String.join(", ", said));
            setGraphic(box);
            setText(null);
        }
    }
}

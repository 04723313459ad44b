package dev.rewind.ui.compare;

import dev.rewind.domain.Comparison;
import dev.rewind.domain.MetricDelta;
import dev.rewind.ui.common.DeltaCell;
import dev.rewind.ui.common.Formats;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Compare tab: the metric table with deltas coloured by direction and the best value emphasised; charts. */
public final class CompareView extends BorderPane {
    private final CompareViewModel vm;
    private final TableView<Comparison.Row> table = new TableView<>();
    private final ComboBox<String> baseline = new ComboBox<>();
    /** Set while the view itself fills the baseline box, so that does not count as the person's choice. */
    private boolean updating;

    public CompareView(CompareViewModel vm) {
        this.vm = vm;
        setId("compare");
        Label caption = new Label();
        caption.setId("compare-caption");
        caption.getStyleClass().add("rw-muted");
        caption.textProperty().bind(vm.captionProperty());
        baseline.setId("compare-baseline");
        TextField filter = new TextField();
        filter.setId("compare-filter");
        filter.setPromptText("Filter metrics");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Button csv = new Button("Export CSV…");
        csv.setId("compare-export-csv");
        csv.setOnAction(e -> vm.exportCsv());
        csv.disableProperty().bind(vm.comparisonProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Baseline"), baseline, filter, spacer, csv);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(6, caption, bar, table);
        left.setPadding(new Insets(8));
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setId("compare-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No metrics to compare"));
        SplitPane split = new SplitPane(left, new ChartsView(vm));
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.55);
        setCenter(split);

        vm.comparisonProperty().addListener((o, a, c) -> rebuild(a, c));
        baseline.valueProperty().addListener((o, a, v) -> {
            if (!updating && v != null && !v.equals(vm.baselineProperty().get())) {
                vm.baselineProperty().set(v);
            }
        });
        vm.baselineProperty().addListener((o, a, v) -> fillBaseline());
        if (vm.comparisonProperty().get() != null) { // the tab is built when first shown, maybe after a comparison
            rebuild(null, vm.comparisonProperty().get());
        }
    }

    private void rebuild(Comparison before, Comparison c) {
        List<String> labels = c == null ? List.of() : c.versions();
        fillBaseline();
        if (before != null && c != null && before.versions().equals(labels)) {
            table.refresh();
            return;
        }
        List<TableColumn<Comparison.Row, ?>> columns = new ArrayList<>();
        TableColumn<Comparison.Row, String> key = new TableColumn<>("Metric");
        key.setCellValueFactory(x -> new ReadOnlyStringWrapper(x.getValue().key() + " " + x.getValue().direction().arrow()));
        key.setPrefWidth(200);
        columns.add(key);
        for (int i = 0; i < labels.size(); i++) {
            int index = i;
            TableColumn<Comparison.Row, Comparison.Row> v = new TableColumn<>(labels.get(i) + (i == 0 ? " (base)" : ""));
            v.setId("compare-col-" + labels.get(i));
            v.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue()));
            v.setCellFactory(x -> new ValueCell(index));
            v.setPrefWidth(90);
            columns.add(v);
        }
        for (int i = 1; i < labels.size(); i++) {
            int index = i - 1;
            TableColumn<Comparison.Row, MetricDelta> d = new TableColumn<>("Δ " + labels.get(i));
            d.setId("compare-delta-" + labels.get(i));
            d.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue().deltas().get(index)));
            d.setCellFactory(x -> new DeltaCell<>());
            d.setPrefWidth(175);
            columns.add(d);
        }
        table.getColumns().setAll(columns);
    }

    private void fillBaseline() {
        updating = true;
        try {
            List<String> labels = vm.compared().stream().map(v -> v.label()).toList();
            if (!baseline.getItems().equals(labels)) {
                baseline.getItems().setAll(labels);
            }
            baseline.setValue(vm.baselineProperty().get());
        } finally {
            updating = false;
        }
    }

    /** A version's value; the best of the row in bold, a missing one as a dash. */
    private static final class ValueCell extends TableCell<Comparison.Row, Comparison.Row> {
        private final int index;

        ValueCell(int index) {
            this.index = index;
        }

        @Override
        protected void updateItem(Comparison.Row row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("rw-best");
            if (empty || row == null) {
                setText(null);
                return;
            }
            setText(Formats.number(row.value(index)));
            if (row.best() == index) {
                getStyleClass().add("rw-best");
            }
        }
    }
}

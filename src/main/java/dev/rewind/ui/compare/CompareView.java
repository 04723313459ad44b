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

/**
 * The Compare tab: the metric table, each version's value with its change from the baseline beside it (coloured
 * by direction, the best value emphasised), the params with the changed ones marked, and charts.
 */
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
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.textProperty().bind(vm.captionProperty());
        baseline.setId("compare-baseline");
        baseline.setMinWidth(Region.USE_PREF_SIZE);
        TextField filter = new TextField();
        filter.setId("compare-filter");
        filter.setPromptText("Filter metrics");
        filter.setPrefColumnCount(10);
        filter.setMinWidth(70);
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Button csv = new Button("Export CSV…");
        csv.setId("compare-export-csv");
        csv.setMinWidth(Region.USE_PREF_SIZE);
        csv.setOnAction(e -> vm.exportCsv());
        csv.disableProperty().bind(vm.comparisonProperty().isNull());
        Label baselineLabel = new Label("Baseline");
        baselineLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, baselineLabel, baseline, filter, csv);
        HBox.setHgrow(filter, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        table.setId("compare-table");
        table.getStyleClass().add("dense");
        // the columns share the width the table has: never a horizontal scroll that hides the metric names
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No metrics to compare"));
        SplitPane tables = new SplitPane(table, new ParamsTable(vm));
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.62);
        VBox left = new VBox(6, caption, bar, tables);
        left.setPadding(new Insets(8));
        left.setMinWidth(360);
        VBox.setVgrow(tables, Priority.ALWAYS);
        ChartsView charts = new ChartsView(vm);
        charts.setMinWidth(260);
        SplitPane split = new SplitPane(left, charts);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.6);
        setCenter(split);

        vm.comparisonProperty().addListener((o, a, c) -> rebuild(a, c));
        baseline.valueProperty().addListener((o, a, v) -> {
            if (!updating && v != null && !v.equals(vm.baselineProperty().get())) {
                vm.baselineProperty().set(v);
            }
        });
        vm.baselineProperty().addListener((o, a, v) -> fillBaseline());
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
        key.setId("compare-col-metric");
        key.setCellValueFactory(x -> new ReadOnlyStringWrapper(x.getValue().key() + " " + x.getValue().direction().arrow()));
        key.setPrefWidth(170);
        key.setMinWidth(100);
        columns.add(key);
        for (int i = 0; i < labels.size(); i++) {
            TableColumn<Comparison.Row, Comparison.Row> value = valueColumn(i);
            if (i == 0) {
                value.setText(labels.get(0) + " (base)");
                value.setId("compare-col-" + labels.get(0));
                columns.add(value);
                continue;
            }
            // the version's header spans its value and, beside it, its change from the baseline
            TableColumn<Comparison.Row, Comparison.Row> version = new TableColumn<>(labels.get(i));
            version.setId("compare-col-" + labels.get(i));
            value.setText("value");
            int index = i - 1;
            TableColumn<Comparison.Row, MetricDelta> d = new TableColumn<>("Δ");
            d.setId("compare-delta-" + labels.get(i));
            d.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue().deltas().get(index)));
            d.setCellFactory(x -> new DeltaCell<>());
            d.setPrefWidth(120);
            d.setMinWidth(60);
            version.getColumns().setAll(List.of(value, d));
            columns.add(version);
        }
        table.getColumns().setAll(columns);
    }

    private static TableColumn<Comparison.Row, Comparison.Row> valueColumn(int index) {
        TableColumn<Comparison.Row, Comparison.Row> v = new TableColumn<>();
        v.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue()));
        v.setCellFactory(x -> new ValueCell(index));
        v.setPrefWidth(70);
        v.setMinWidth(50);
        return v;
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

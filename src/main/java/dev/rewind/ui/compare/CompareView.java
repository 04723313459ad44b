package dev.rewind.ui.compare;

import dev.rewind.domain.Comparison;
import dev.rewind.domain.MetricDelta;
import dev.rewind.ui.common.ColumnFit;
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
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
    /** The least width the charts get beside the table; narrower, they move to a tab of their own. */
    private static final double CHARTS_BESIDE = 400;
    private final CompareViewModel vm;
    private final TableView<Comparison.Row> table = new TableView<>();
    private final ComboBox<String> baseline = new ComboBox<>();
    private final SplitPane split = new SplitPane();
    private static final double LEFT_MIN = 300;
    private final VBox left;
    private final HBox controls;
    /** Styled like the table's text: what column widths are measured with. */
    private final Label caption = new Label();
    private final ColumnFit fit = new ColumnFit(caption);
    /** Set while the view itself fills the baseline box, so that does not count as the person's choice. */
    private boolean updating;
    private final ChartsView charts;
    private final TabPane sections = new TabPane();
    private final Tab chartsTab = new Tab("Charts");
    /** The width the table's columns need, measured when the compared versions change. */
    private double tableNeeds = 480;
    /** Whether the charts stand beside the table (a wide window) rather than in a tab after it. */
    private Boolean chartsBeside;

    public CompareView(CompareViewModel vm) {
        this.vm = vm;
        setId("compare");
        caption.setId("compare-caption");
        caption.getStyleClass().add("rw-muted");
        caption.textProperty().bind(vm.captionProperty());
        // a long caption wraps rather than ending in "…" when the charts stand beside a narrow table
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        table.setId("compare-table");
        table.getStyleClass().add("dense");
        // the columns share the table's width, each at least as wide as its longest text: no horizontal scroll
        // hides the metric names as long as the window leaves room for them
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No metrics to compare"));
        ParamsTable params = new ParamsTable(vm);
        Tab metricsTab = new Tab("Metrics", table);
        metricsTab.setId("compare-tab-metrics");
        Tab paramsTab = new Tab("Params", params);
        paramsTab.setId("compare-tab-params");
        paramsTab.textProperty().bind(params.headingProperty());
        chartsTab.setId("compare-tab-charts");
        sections.getTabs().setAll(metricsTab, paramsTab);
        sections.setId("compare-sections");
        sections.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        controls = controls();
        left = new VBox(6, caption, controls, sections);
        left.setPadding(new Insets(8));
        left.setMinWidth(LEFT_MIN);
        VBox.setVgrow(sections, Priority.ALWAYS);
        charts = new ChartsView(vm);
        charts.setMinWidth(CHARTS_BESIDE);
        split.getItems().setAll(left);
        split.setOrientation(Orientation.HORIZONTAL);
        setCenter(split);
        widthProperty().addListener(o -> arrange());

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

    private HBox controls() {
        baseline.setId("compare-baseline");
        baseline.setMinWidth(Region.USE_PREF_SIZE);
        TextField filter = new TextField();
        filter.setId("compare-filter");
        filter.setPromptText("Filter");
        filter.setTooltip(new javafx.scene.control.Tooltip("Show only the metrics whose name contains this text"));
        filter.setPrefColumnCount(10);
        filter.setMinWidth(70);
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Button csv = new Button("Export CSV…");
        csv.setId("compare-export-csv");
        csv.setMinWidth(Region.USE_PREF_SIZE);
        csv.setOnAction(e -> vm.exportCsv());
        csv.disableProperty().bind(vm.comparisonProperty().isNull());
        Label label = new Label("Baseline");
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, label, baseline, filter, csv);
        HBox.setHgrow(filter, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
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
        key.setCellValueFactory(x -> new ReadOnlyStringWrapper(metricText(x.getValue())));
        fit.apply(key, rows(c), CompareView::metricText, false);
        columns.add(key);
        for (int i = 0; i < labels.size(); i++) {
            int index = i;
            TableColumn<Comparison.Row, Comparison.Row> value = new TableColumn<>(i == 0 ? labels.get(0) + " (base)" : "value");
            value.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue()));
            value.setCellFactory(x -> new ValueCell(index));
            fit.apply(value, rows(c), (Comparison.Row r) -> Formats.number(r.value(index)), true);
            if (i == 0) {
                value.setId("compare-col-" + labels.get(0));
                columns.add(value);
                continue;
            }
            // the version's header spans its value and, beside it, its change from the baseline
            TableColumn<Comparison.Row, Comparison.Row> version = new TableColumn<>(labels.get(i));
            version.setId("compare-col-" + labels.get(i));
            TableColumn<Comparison.Row, MetricDelta> d = new TableColumn<>("Δ");
            d.setId("compare-delta-" + labels.get(i));
            d.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue().deltas().get(index - 1)));
            d.setCellFactory(x -> new DeltaCell<>(false));
            fit.apply(d, rows(c), (Comparison.Row r) -> DeltaCell.shortText(r.deltas().get(index - 1)), true);
            version.getColumns().setAll(List.of(value, d));
            columns.add(version);
        }
        table.getColumns().setAll(columns);
        // the left side needs room for its columns and for its controls (Baseline, filter, Export CSV…) unclipped
        tableNeeds = Math.max(columns.stream().mapToDouble(CompareView::minWidth).sum() + 50, controlsNeed());
        chartsBeside = null;
        arrange();
    }

    private static List<Comparison.Row> rows(Comparison c) {
        return c == null ? List.of() : c.rows();
    }

    private static String metricText(Comparison.Row r) {
        return r.key() + " " + r.direction().arrow();
    }

    /**
     * The table first: the charts stand beside it when the window leaves them room next to every column the
     * table needs, and go to a Charts tab after Metrics and Params when it does not (three versions at 1024 px).
     */
    private void arrange() {
        double width = getWidth();
        if (width <= 0) {
            return;
        }
        boolean beside = width >= tableNeeds + CHARTS_BESIDE;
        if (chartsBeside == null || beside != chartsBeside) {
            chartsBeside = beside;
            if (beside) {
                chartsTab.setContent(null);
                sections.getTabs().remove(chartsTab);
                split.getItems().add(charts);
                split.setDividerPositions(Math.max(0.4, Math.min(0.7, tableNeeds / width)));
                left.setMinWidth(Math.max(LEFT_MIN, controlsNeed()));
            } else {
                split.getItems().remove(charts);
                chartsTab.setContent(charts);
                sections.getTabs().add(chartsTab);
            }
        }
    }

    private double controlsNeed() {
        if (controls.getScene() != null) {
            controls.applyCss();
        }
        return controls.minWidth(-1) + 2 * 8 + 4;
    }

    private static double minWidth(TableColumn<?, ?> c) {
        return c.getColumns().isEmpty() ? c.getMinWidth() : c.getColumns().stream().mapToDouble(CompareView::minWidth).sum();
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

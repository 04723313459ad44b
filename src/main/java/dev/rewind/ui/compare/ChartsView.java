package dev.rewind.ui.compare;

import dev.rewind.domain.Comparison;
import dev.rewind.domain.MetricValue;
import dev.rewind.domain.Version;
import dev.rewind.ui.common.Formats;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Compare tab's charts (JavaFX charts: enough at a few hundred points, so the across-versions series is
 * thinned for display): a metric across every version with live and failed versions marked, the compared
 * versions as bars (each metric scaled to its largest value), and their training curves overlaid. Tooltips give
 * exact values.
 */
final class ChartsView extends BorderPane {
    static final int BUCKETS = 80;
    private final CompareViewModel vm;
    private final LineChart<Number, Number> across = new LineChart<>(integerAxis("version #"), axis(null));
    private final BarChart<String, Number> bars = new BarChart<>(new CategoryAxis(), shareAxis());
    private final LineChart<Number, Number> curves = new LineChart<>(axis("step"), axis(null));
    private final TabPane tabs = new TabPane();

    ChartsView(CompareViewModel vm) {
        this.vm = vm;
        setId("compare-charts");
        ComboBox<String> metric = new ComboBox<>(vm.metricKeys());
        metric.setId("chart-metric");
        metric.valueProperty().bindBidirectional(vm.chartMetricProperty());
        Button png = new Button("Export PNG…");
        png.setId("chart-export-png");
        png.setOnAction(e -> exportPng());
        png.setMinWidth(Region.USE_PREF_SIZE);
        Label label = new Label("Metric");
        label.setMinWidth(Region.USE_PREF_SIZE);
        // in a narrow pane the metric box gives way, never the label or the button
        metric.setMinWidth(80);
        metric.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(metric, Priority.SOMETIMES);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, label, metric, spacer, png);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        setTop(bar);
        across.setId("chart-across");
        across.getStyleClass().add("rw-across");
        across.setAnimated(false);
        across.setLegendVisible(true);
        bars.setId("chart-bars");
        bars.setAnimated(false);
        curves.setId("chart-curves");
        curves.setAnimated(false);
        curves.setCreateSymbols(false);
        Tab t1 = new Tab("Across versions", across);
        Tab t2 = new Tab("Side by side", bars);
        Tab t3 = new Tab("Training curves", curves);
        t1.setId("chart-tab-across");
        t2.setId("chart-tab-bars");
        t3.setId("chart-tab-curves");
        tabs.getTabs().setAll(t1, t2, t3);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        vm.chartMetricProperty().addListener(o -> drawAcross());
        vm.model().timelineProperty().addListener(o -> drawAcross());
        vm.acrossProperty().addListener(o -> drawAcross());
        vm.comparisonProperty().addListener(o -> drawBars());
        vm.filterProperty().addListener(o -> drawBars());
        vm.curvesProperty().addListener(o -> drawCurves());
        // built when the Compare tab is first shown: draw what is already there
        drawAcross();
        drawBars();
        drawCurves();
    }

    /** An axis of version numbers: whole numbers only. */
    private static NumberAxis integerAxis(String label) {
        NumberAxis a = axis(label);
        a.setMinorTickVisible(false);
        a.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                double x = n.doubleValue();
                return x == Math.rint(x) ? Long.toString((long) x) : "";
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s);
            }
        });
        return a;
    }

    /** Bars start at zero (a share drawn from anywhere else would exaggerate a difference); 1 is a metric's largest. */
    private static NumberAxis shareAxis() {
        NumberAxis a = new NumberAxis("relative", 0, 1, 0.25);
        a.setAutoRanging(false);
        return a;
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis();
        a.setForceZeroInRange(false);
        a.setLabel(label);
        return a;
    }

    /** One metric across all versions, thinned for display; live versions and failed ones as their own series. */
    void drawAcross() {
        String key = vm.chartMetricProperty().get();
        List<Version> all = vm.model().timelineProperty().get().versions();
        across.getData().clear();
        if (key == null || all.isEmpty()) {
            return;
        }
        across.setTitle(key + " across " + all.size() + " versions");
        Map<Long, Double> values = vm.acrossProperty().get();
        double[] ys = all.stream().mapToDouble(v -> values.getOrDefault(v.id(), Double.NaN)).toArray();
        Set<String> live = vm.model().targets().stream().map(t -> t.liveVersion()).collect(Collectors.toSet());
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.setName(key);
        for (int i : Downsample.minMax(ys, BUCKETS)) {
            if (!Double.isNaN(ys[i])) {
                line.getData().add(point(all.get(i), key, ys[i]));
            }
        }
        XYChart.Series<Number, Number> liveSeries = new XYChart.Series<>();
        liveSeries.setName("live");
        XYChart.Series<Number, Number> failed = new XYChart.Series<>();
        failed.setName("failed");
        for (int i = 0; i < all.size(); i++) {
            Version v = all.get(i);
            if (Double.isNaN(ys[i])) {
                continue;
            }
            if (live.contains(v.label())) {
                liveSeries.getData().add(point(v, key, ys[i]));
            }
            if (v.failed()) {
                failed.getData().add(point(v, key, ys[i]));
            }
        }
        across.getData().setAll(List.of(line, liveSeries, failed));
        for (XYChart.Series<Number, Number> s : across.getData()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                install(d.getNode(), (String) d.getExtraValue());
            }
        }
    }

    private static XYChart.Data<Number, Number> point(Version v, String key, double y) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(v.seq(), y);
        d.setExtraValue(v.label() + "\n" + key + " = " + Formats.number(y) + (v.failed() ? "\nfailed" : ""));
        return d;
    }

    /**
     * The compared versions side by side for the metrics in the (filtered) table, at most 12, each bar as a share
     * of its metric's largest value so metrics of different units can stand on one axis; tooltips give the values.
     */
    void drawBars() {
        Comparison c = vm.comparisonProperty().get();
        bars.getData().clear();
        if (c == null) {
            return;
        }
        List<Comparison.Row> rows = c.rows().stream().filter(vm::matchesFilter).limit(12).toList();
        List<double[]> shares = rows.stream().map(r -> MetricShares.of(r.values())).toList();
        for (int i = 0; i < c.versions().size(); i++) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(c.versions().get(i));
            for (int r = 0; r < rows.size(); r++) {
                Comparison.Row row = rows.get(r);
                if (!Double.isNaN(row.value(i))) {
                    XYChart.Data<String, Number> d = new XYChart.Data<>(row.key(), shares.get(r)[i]);
                    d.setExtraValue(c.versions().get(i) + "\n" + row.key() + " = " + Formats.number(row.value(i)));
                    s.getData().add(d);
                }
            }
            bars.getData().add(s);
        }
        boolean negative = shares.stream().flatMapToDouble(java.util.Arrays::stream).anyMatch(x -> x < 0);
        ((NumberAxis) bars.getYAxis()).setLowerBound(negative ? -1 : 0);
        bars.getData().forEach(s -> s.getData().forEach(d -> install(d.getNode(), (String) d.getExtraValue())));
    }

    void drawCurves() {
        Map<String, List<MetricValue>> data = vm.curvesProperty().get();
        curves.getData().clear();
        String key = vm.chartMetricProperty().get();
        boolean any = data.values().stream().anyMatch(l -> !l.isEmpty());
        curves.setTitle(key == null ? null : any ? key + " by training step" : "No per-step values of " + key);
        data.forEach((label, points) -> {
            if (points.isEmpty()) {
                return;
            }
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(label);
            double[] ys = points.stream().mapToDouble(MetricValue::value).toArray();
            for (int i : Downsample.minMax(ys, BUCKETS)) {
                s.getData().add(new XYChart.Data<>(points.get(i).step(), ys[i]));
            }
            curves.getData().add(s);
        });
    }

    private static void install(Node node, String text) {
        if (node != null && text != null) {
            Tooltip t = new Tooltip(text);
            t.setShowDelay(javafx.util.Duration.millis(100));
            Tooltip.install(node, t);
        }
    }

    /** Saves the chart on screen as PNG: drawn on the FX thread, encoding and writing in the background. */
    private void exportPng() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        String name = vm.model().modelProperty().get() + "-" + tab.getId() + ".png";
        vm.dialogs().askSavePath("Export chart", name, "png")
                .ifPresent(p -> ChartExport.write(exportSheet(), p, vm.tasks(), vm.dialogs()));
    }

    /** What the export writes for the chart on screen: the chart under a title naming model, versions and date. */
    VBox exportSheet() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        Comparison c = vm.comparisonProperty().get();
        String title = ChartExport.title(vm.model().modelProperty().get(), tab.getText(),
                c == null ? List.of() : c.versions(), LocalDate.now());
        return ChartExport.sheet(title, tab.getContent());
    }
}

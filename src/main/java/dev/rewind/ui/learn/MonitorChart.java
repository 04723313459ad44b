package dev.rewind.ui.learn;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The simulated live monitor: the error rate as a line over the last samples, with the dashed alert line. */
final class MonitorChart extends VBox {
    private final MonitorModel monitor;
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final XYChart.Series<Number, Number> rate = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> line = new XYChart.Series<>();
    private final int window;

    MonitorChart(LearnViewModel vm, int window) {
        this.monitor = vm.monitor();
        this.window = window;
        setId("learn-monitor");
        getStyleClass().add("rw-monitor");
        setSpacing(2);
        setPadding(new Insets(8, 0, 0, 0));
        Label title = new Label();
        title.getStyleClass().add("rw-section");
        title.setId("learn-monitor-title");
        x.setAutoRanging(false);
        x.setTickLabelsVisible(false);
        x.setTickMarkVisible(false);
        x.setMinorTickVisible(false);
        y.setAutoRanging(false);
        y.setLowerBound(0);
        y.setLabel("% misfiled");
        LineChart<Number, Number> chart = new LineChart<>(x, y, javafx.collections.FXCollections.observableArrayList(
                List.of(rate, line)));
        chart.setId("learn-monitor-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setHorizontalGridLinesVisible(true);
        chart.setVerticalGridLinesVisible(false);
        chart.setPrefHeight(170);
        chart.setMinHeight(140);
        Label now = new Label();
        now.setId("learn-monitor-now");
        now.setWrapText(true);
        now.textProperty().bind(monitor.captionProperty());
        now.getStyleClass().add("rw-monitor-ok");
        monitor.alertProperty().addListener((o, a, alert) -> now.getStyleClass().setAll(alert
                ? List.of("label", "rw-monitor-alert") : List.of("label", "rw-monitor-ok")));
        getChildren().addAll(title, chart, now);
        monitor.samples().addListener((ListChangeListener<MonitorModel.Sample>) c -> {
            title.setText(monitor.title());
            redraw();
        });
        redraw();
    }

    private void redraw() {
        List<MonitorModel.Sample> ss = monitor.samples();
        long first = ss.isEmpty() ? 0 : ss.get(0).tick();
        long last = Math.max(first + window - 1, ss.isEmpty() ? 0 : ss.get(ss.size() - 1).tick());
        x.setLowerBound(first);
        x.setUpperBound(last);
        double max = monitor.alertAbove() * 100;
        List<XYChart.Data<Number, Number>> points = new java.util.ArrayList<>(ss.size());
        for (MonitorModel.Sample s : ss) {
            points.add(new XYChart.Data<>(s.tick(), s.value() * 100));
            max = Math.max(max, s.value() * 100);
        }
        double room = Math.max(4, max * 1.25);
        double unit = room > 10 ? 5 : room > 5 ? 2 : 1;
        y.setTickUnit(unit);
        y.setUpperBound(Math.ceil(room / unit) * unit);
        rate.getData().setAll(points);
        double alert = monitor.alertAbove() * 100;
        line.getData().setAll(List.of(new XYChart.Data<>(first, alert), new XYChart.Data<>(last, alert)));
    }
}

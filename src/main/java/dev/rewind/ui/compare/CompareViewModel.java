package dev.rewind.ui.compare;

import dev.rewind.domain.Comparison;
import dev.rewind.domain.MetricValue;
import dev.rewind.domain.TargetState;
import dev.rewind.domain.Version;
import dev.rewind.service.CompareService;
import dev.rewind.service.Services;
import dev.rewind.ui.common.DialogService;
import dev.rewind.ui.common.TaskExecutor;
import dev.rewind.ui.model.ModelViewModel;
import dev.rewind.ui.timeline.TimelineData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Compare tab shows: the versions multi-selected on the timeline (or the selected one against each
 * target's live version), a chosen baseline, the comparison filtered by metric key, and the data of the charts.
 */
public final class CompareViewModel {
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ModelViewModel model;
    private final Supplier<Services> services;

    private final ObservableList<Version> compared = FXCollections.observableArrayList();
    private final ObjectProperty<String> baseline = new SimpleObjectProperty<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Comparison.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> metricKeys = FXCollections.observableArrayList();
    private final StringProperty chartMetric = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<Map<String, List<MetricValue>>> curves =
            new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Map<Long, Double>> across = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyObjectWrapper<ParamsDiff> params = new ReadOnlyObjectWrapper<>(ParamsDiff.EMPTY);
    private long compareGeneration;

    public CompareViewModel(TaskExecutor tasks, DialogService dialogs, ModelViewModel model, Supplier<Services> services) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.model = model;
        this.services = services;
        for (Observable o : List.<Observable>of(model.selection(), model.currentProperty(), model.targets(),
                model.timelineProperty())) {
            o.addListener(x -> chooseVersions());
        }
        baseline.addListener(x -> recompute());
        filter.addListener(x -> refilter());
        chartMetric.addListener(x -> loadCurves());
    }

    private void chooseVersions() {
        TimelineData drawn = model.timelineProperty().get();
        List<Version> chosen = new ArrayList<>();
        // right after another catalog opened, the old selection lingers for a moment: compare only what is drawn
        List<Version> selected = model.selection().stream().filter(drawn::contains).toList();
        Version focus = drawn.contains(model.currentProperty().get()) ? model.currentProperty().get() : null;
        if (selected.size() >= 2) {
            chosen.addAll(selected);
            caption.set("Comparing " + chosen.size() + " selected versions");
        } else if (focus != null) {
            Version current = focus;
            chosen.add(current);
            List<String> targets = new ArrayList<>();
            for (TargetState t : model.targets()) {
                Version v = drawn.withLabel(t.liveVersion());
                if (v != null) {
                    if (!chosen.contains(v)) {
                        chosen.add(v);
                    }
                    targets.add(t.name());
                }
            }
            caption.set(chosen.size() == 1 ? current.label() + " is what every target serves; Ctrl-click versions to compare"
                    : "Comparing " + current.label() + " with what " + String.join(" and ", targets) + " serve"
                    + " · Ctrl-click versions on the timeline to choose others");
        } else {
            caption.set("Select versions on the timeline (Ctrl-click for several) to compare them");
        }
        // the same versions in the same order keep the person's baseline choice
        List<String> labels = chosen.stream().map(Version::label).toList();
        List<String> before = compared.stream().map(Version::label).toList();
        compared.setAll(chosen);
        if (!labels.equals(before) || !labels.contains(baseline.get())) {
            String wanted = chosen.isEmpty() ? null : chosen.get(0).label();
            if (Objects.equals(wanted, baseline.get())) {
                recompute();
            } else {
                baseline.set(wanted);
            }
        } else {
            recompute();
        }
    }

    private void recompute() {
        if (compared.isEmpty()) {
            compareGeneration++;
            comparison.set(null);
            params.set(ParamsDiff.EMPTY);
            rows.clear();
            metricKeys.clear();
            return;
        }
        List<Version> ordered = new ArrayList<>(compared);
        ordered.stream().filter(v -> v.label().equals(baseline.get())).findFirst().ifPresent(b -> {
            ordered.remove(b);
            ordered.add(0, b);
        });
        // the timeline holds light rows: the compared versions' metrics are read now, the latest request winning
        long asked = ++compareGeneration;
        model.withFull(ordered, full -> {
            if (asked == compareGeneration) {
                params.set(ParamsDiff.of(full));
                show(Comparison.of(full.get(0).model(), full, model.directions()));
            }
        });
    }

    private void show(Comparison c) {
        comparison.set(c);
        List<String> keys = c.rows().stream().map(Comparison.Row::key).toList();
        if (!keys.equals(metricKeys)) {
            metricKeys.setAll(keys);
        }
        refilter();
        if (chartMetric.get() == null || !keys.contains(chartMetric.get())) {
            chartMetric.set(keys.isEmpty() ? null : preferred(keys));
        } else {
            loadCurves();
        }
    }

    private static String preferred(List<String> keys) {
        for (String k : new String[] {"auc", "accuracy", "f1", "top1_accuracy", "ndcg_at_10", "val_loss", "loss"}) {
            if (keys.contains(k)) {
                return k;
            }
        }
        return keys.get(0);
    }

    private void refilter() {
        Comparison c = comparison.get();
        if (c == null) {
            rows.clear();
            return;
        }
        rows.setAll(c.rows().stream().filter(this::matchesFilter).toList());
    }

    /** Whether a row passes the metric-key filter. */
    public boolean matchesFilter(Comparison.Row r) {
        String needle = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        return needle.isEmpty() || r.key().toLowerCase(Locale.ROOT).contains(needle);
    }

    /** The chart metric's summary value of every version of the model, by id: read when the metric is chosen. */
    public ReadOnlyObjectProperty<Map<Long, Double>> acrossProperty() {
        return across.getReadOnlyProperty();
    }

    private void loadAcross(String key, List<Version> versions) {
        if (key == null || versions.isEmpty()) {
            across.set(Map.of());
            return;
        }
        String name = versions.get(0).model();
        tasks.run("Read " + key + " across versions", () -> services.get().registry().metricAcross(name, key),
                values -> {
                    if (key.equals(chartMetric.get())) {
                        across.set(values);
                    }
                }, t -> System.getLogger(CompareViewModel.class.getName()).log(System.Logger.Level.WARNING,
                        // the training curves read beside it say the same failure in a dialog; one is enough
                        "could not read " + key + " across versions", t));
    }

    private void loadCurves() {
        String key = chartMetric.get();
        loadAcross(key, List.copyOf(compared));
        // the versions name their own model: while another model loads, the model property is already ahead
        List<Version> versions = List.copyOf(compared);
        if (key == null || versions.isEmpty()) {
            curves.set(Map.of());
            return;
        }
        tasks.run("Load training curves", () -> {
            Map<String, List<MetricValue>> out = new LinkedHashMap<>();
            for (Version v : versions) {
                out.put(v.label(), services.get().registry().curve(v.model(), v.label(), key));
            }
            return out;
        }, loaded -> {
            if (key.equals(chartMetric.get())) {
                curves.set(loaded);
            }
        }, t -> dialogs.showFailure("Could not load training curves", t));
    }

    /** Asks where to save the table as CSV, then writes it in the background. */
    public void exportCsv() {
        Comparison c = comparison.get();
        if (c == null) {
            return;
        }
        dialogs.askSavePath("Export comparison", c.model() + "-compare.csv", "csv").ifPresent(p -> exportCsvTo(p));
    }

    public void exportCsvTo(Path file) {
        Comparison c = comparison.get();
        tasks.run("Export CSV", () -> {
            CompareService.writeCsv(c, file);
            return file;
        }, f -> dialogs.notifyDone("Saved the comparison to " + f, null),
                t -> dialogs.showFailure("Could not export", t));
    }


    public ObservableList<Version> compared() {
        return compared;
    }

    public ObjectProperty<String> baselineProperty() {
        return baseline;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** Every param of the compared versions, the baseline first, each marked where it differs from the baseline. */
    public ReadOnlyObjectProperty<ParamsDiff> paramsProperty() {
        return params.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** Rows after the key filter. */
    public ObservableList<Comparison.Row> rows() {
        return rows;
    }

    public ObservableList<String> metricKeys() {
        return metricKeys;
    }

    public StringProperty chartMetricProperty() {
        return chartMetric;
    }

    /** Per-step values of the chart metric for each compared version (label → points). */
    public ReadOnlyObjectProperty<Map<String, List<MetricValue>>> curvesProperty() {
        return curves.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public ModelViewModel model() {
        return model;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public TaskExecutor tasks() {
        return tasks;
    }
}

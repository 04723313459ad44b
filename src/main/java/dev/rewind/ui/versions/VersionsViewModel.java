package dev.rewind.ui.versions;

import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;
import dev.rewind.domain.VersionFilter;
import dev.rewind.service.Services;
import dev.rewind.ui.common.TaskExecutor;
import dev.rewind.ui.model.ModelViewModel;
import dev.rewind.ui.timeline.TimelineData;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Versions tab: the selected model's versions as rows, filtered by the CLI's {@code --where} grammar
 * ({@link VersionFilter}), sorted by a column, with the metric columns the person picks (remembered per model).
 * Rows are read in the background, and only while the tab is shown; filtering and sorting 100,000 rows runs in the
 * background too. One read at a time: a request during a read is made once it ends, with what is wanted then.
 */
public final class VersionsViewModel {
    private static final System.Logger LOG = System.getLogger(VersionsViewModel.class.getName());

    private final TaskExecutor tasks;
    private final Supplier<Services> services;
    private final ModelViewModel model;
    private final ColumnChoices choices;

    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<VersionColumn> sortColumn = new ReadOnlyObjectWrapper<>(VersionColumn.SEQ);
    private final ReadOnlyBooleanWrapper descending = new ReadOnlyBooleanWrapper(true);
    private final ObservableList<VersionLine> rows = FXCollections.observableArrayList();
    private final ObservableList<String> metricKeys = FXCollections.observableArrayList();
    private final ObservableList<String> picked = FXCollections.observableArrayList();
    private final ObservableList<VersionLine> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> metricKeysView = FXCollections.unmodifiableObservableList(metricKeys);
    private final ObservableList<String> pickedView = FXCollections.unmodifiableObservableList(picked);

    private VersionFilter filter = VersionFilter.all();
    private List<VersionLine> all = List.of();
    private Set<String> loadedKeys = Set.of();
    private String loadedModel;
    private boolean shown;
    private boolean stale = true;
    private boolean reading;
    private boolean again;
    private long arrangement;
    private TimelineData indexed;
    private Map<Long, Version> byId = Map.of();

    public VersionsViewModel(TaskExecutor tasks, Supplier<Services> services, ModelViewModel model,
                             ColumnChoices choices) {
        this.tasks = tasks;
        this.services = services;
        this.model = model;
        this.choices = choices;
        model.timelineProperty().addListener((o, was, d) -> timelineChanged());
        filterText.addListener((o, was, t) -> filterChanged(t));
    }

    /** Whether the tab is on screen: rows are read only then (and at once if what shows is out of date). */
    public void setShown(boolean on) {
        shown = on;
        if (on && stale) {
            read();
        }
    }

    private void timelineChanged() {
        stale = true;
        if (!java.util.Objects.equals(model.modelProperty().get(), loadedModel)) {
            // another model: its rows must not show under this one's name while they are read
            loadedModel = null;
            all = List.of();
            loadedKeys = Set.of();
            metricKeys.clear();
            picked.clear();
            show(List.of());
        }
        if (shown) {
            read();
        }
    }

    private void read() {
        String name = model.modelProperty().get();
        if (name == null || model.timelineProperty().get() == TimelineData.EMPTY) {
            return; // the model is still loading; its timeline arriving calls again
        }
        if (reading) {
            again = true;
            return;
        }
        reading = true;
        stale = false;
        loading.set(true);
        boolean same = name.equals(loadedModel);
        List<Version> versions = model.timelineProperty().get().versions();
        VersionsRead.Request r = new VersionsRead.Request(name, same ? List.copyOf(picked) : null,
                versions.isEmpty() ? null : versions.get(versions.size() - 1).id(), wanted(same),
                VersionsRead.liveOn(model.targets()), filter, order());
        tasks.run("Read the versions of " + name, () -> r.run(services.get(), choices), this::read, t -> {
            reading = false;
            loading.set(false);
            LOG.log(System.Logger.Level.WARNING, "could not read the versions of " + name, t);
            emptyText.set("Could not read the versions: " + t.getMessage());
            if (again) {
                again = false;
                read();
            }
        });
    }

    /** The filter's keys, and those read before for this model: going back to an earlier filter reads nothing. */
    private Set<String> wanted(boolean sameModel) {
        Set<String> keys = new LinkedHashSet<>(VersionsRead.neededKeys(filter));
        if (sameModel) {
            keys.addAll(loadedKeys);
        }
        return keys;
    }

    private void read(VersionsRead.Result r) {
        reading = false;
        if (again || !r.model().equals(model.modelProperty().get())) {
            again = false; // what was read is no longer what is wanted
            read();
            return;
        }
        loading.set(false);
        loadedModel = r.model();
        loadedKeys = r.keys();
        all = r.lines();
        if (!picked.equals(r.picked())) {
            picked.setAll(r.picked());
        }
        arrangement++;
        show(r.shown());
        if (r.metricKeys() != null) {
            metricKeys.setAll(r.metricKeys());
        } else if (metricKeys.isEmpty()) {
            listMetrics(r.model());
        }
    }

    /** The column picker's metrics, listed after the rows show: on 100,000 versions this takes a second. */
    private void listMetrics(String name) {
        tasks.run("List the metrics of " + name, () -> services.get().registry().metricKeys(name), keys -> {
            if (name.equals(loadedModel)) {
                metricKeys.setAll(keys);
            }
        }, t -> LOG.log(System.Logger.Level.WARNING, "could not list the metrics of " + name, t));
    }

    private void filterChanged(String text) {
        String t = text == null ? "" : text.strip();
        try {
            // the same words and the same message as `rewind versions --where`
            filter = t.isEmpty() ? VersionFilter.all() : VersionFilter.parse("--where", t);
            filterError.set("");
        } catch (RewindException e) {
            filterError.set(e.getMessage());
            return;
        }
        if (loadedKeys.containsAll(VersionsRead.neededKeys(filter))) {
            arrange();
        } else {
            stale = true;
            if (shown) {
                read();
            }
        }
    }

    /** Filters and sorts the rows read, in the background: 100,000 of them take tens of milliseconds. */
    private void arrange() {
        long mine = ++arrangement;
        List<VersionLine> lines = all;
        VersionFilter f = filter;
        Comparator<VersionLine> order = order();
        tasks.run("Sort the versions", () -> VersionsRead.arrange(lines, f, order), list -> {
            if (mine == arrangement) {
                show(list);
            }
        }, t -> LOG.log(System.Logger.Level.WARNING, "could not sort the versions", t));
    }

    private void show(List<VersionLine> list) {
        rows.setAll(list);
        String typed = filterText.get() == null ? "" : filterText.get().strip();
        emptyText.set(!list.isEmpty() || loadedModel == null ? ""
                : all.isEmpty() ? "This model has no versions."
                : "No version matches '" + typed + "'.");
        shownCount.set(shownCount.get() + 1);
    }

    private Comparator<VersionLine> order() {
        return sortColumn.get().comparator(descending.get());
    }

    /** Sorts by {@code column}; a row without a value comes last either way. */
    public void sortBy(VersionColumn column, boolean descendingOrder) {
        sortColumn.set(column);
        descending.set(descendingOrder);
        arrange();
    }

    /** Shows or hides a metric's column, remembering the choice for this model. */
    public void pick(String metric, boolean on) {
        String name = loadedModel;
        if (name == null || on == picked.contains(metric)) {
            return;
        }
        if (on) {
            picked.add(metric);
        } else {
            picked.remove(metric);
            if (VersionColumn.metric(metric).equals(sortColumn.get())) {
                sortBy(VersionColumn.SEQ, true);
            }
        }
        List<String> chosen = List.copyOf(picked);
        tasks.run("Remember the columns", () -> {
            choices.save(name, chosen);
            return null;
        }, x -> { }, t -> LOG.log(System.Logger.Level.WARNING, "could not remember the columns", t));
        if (on && !loadedKeys.contains(metric)) {
            stale = true;
            read();
        }
    }

    /** The timeline's version with this id (what its selection and menu take), or null. */
    public Version onTimeline(long id) {
        TimelineData d = model.timelineProperty().get();
        if (d != indexed) {
            Map<Long, Version> m = new HashMap<>(d.versions().size() * 2);
            d.versions().forEach(v -> m.put(v.id(), v));
            byId = m;
            indexed = d;
        }
        return byId.get(id);
    }

    /** The row of the version with this id among those shown, or −1. */
    public int indexOf(long id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).version().id() == id) {
                return i;
            }
        }
        return -1;
    }

    /** The filter as typed, in the {@code --where} grammar. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** Why the filter does not read (the CLI's message), or empty. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    /** What the table says when it has no rows ("No version matches 'auc>2'."), or empty. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Counts the times the rows were replaced; tests and the benchmark wait on it. */
    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<VersionColumn> sortColumnProperty() {
        return sortColumn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty descendingProperty() {
        return descending.getReadOnlyProperty();
    }

    /** The rows shown, filtered and sorted. */
    public ObservableList<VersionLine> rows() {
        return rowsView;
    }

    /** Every summary metric of the model (listed after its rows show): what the column picker offers. */
    public ObservableList<String> metricKeys() {
        return metricKeysView;
    }

    /** The metric columns shown, in order. */
    public ObservableList<String> pickedMetrics() {
        return pickedView;
    }
}

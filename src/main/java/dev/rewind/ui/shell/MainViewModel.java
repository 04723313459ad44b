package dev.rewind.ui.shell;

import dev.rewind.domain.ModelSummary;
import dev.rewind.domain.RewindException;
import dev.rewind.service.Services;
import dev.rewind.ui.common.TaskRunner;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** State of the main window: the catalog, its models and the filter over them. */
public final class MainViewModel {
    private final TaskRunner tasks;
    private final Supplier<Services> opener;
    private Services services;

    private final ObservableList<ModelSummary> models = FXCollections.observableArrayList();
    private final FilteredList<ModelSummary> filtered = new FilteredList<>(models);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Opening catalog…");
    private final ReadOnlyStringWrapper catalogPath = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);

    /** {@code opener} opens the catalog; it runs on a worker thread. */
    public MainViewModel(TaskRunner tasks, Supplier<Services> opener) {
        this.tasks = tasks;
        this.opener = opener;
        filter.addListener((o, a, text) -> {
            String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(m -> needle.isEmpty() || m.name().toLowerCase(Locale.ROOT).contains(needle));
        });
    }

    /** Opens the catalog and loads its models in the background. */
    public void open() {
        loading.set(true);
        tasks.run("Open catalog", () -> {
            Services s = opener.get();
            return new Opened(s, s.registry().models());
        }, opened -> {
            services = opened.services();
            catalogPath.set(opened.services().catalog().location().toString());
            show(opened.models());
        }, this::fail);
    }

    public void refresh() {
        if (services == null) {
            return;
        }
        tasks.run("Load models", () -> services.registry().models(), this::show, this::fail);
    }

    private void show(List<ModelSummary> list) {
        models.setAll(list);
        loading.set(false);
        status.set(list.size() + (list.size() == 1 ? " model" : " models"));
    }

    private void fail(Throwable t) {
        loading.set(false);
        String message = t instanceof RewindException ? t.getMessage() : "Unexpected error: " + t;
        error.set(message);
        status.set(message);
    }

    private record Opened(Services services, List<ModelSummary> models) {
    }

    public ObservableList<ModelSummary> models() {
        return filtered;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty catalogPathProperty() {
        return catalogPath.getReadOnlyProperty();
    }

    /** The last error, for the view to show in a dialog. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}

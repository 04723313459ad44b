package dev.rewind.ui.shell;

import dev.rewind.domain.ModelSummary;
import dev.rewind.domain.Text;
import dev.rewind.service.ServerLogin;
import dev.rewind.service.Services;
import dev.rewind.ui.common.Failure;
import dev.rewind.ui.common.TaskExecutor;
import dev.rewind.ui.model.EarlyModelRead;
import dev.rewind.ui.model.ModelViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The sidebar: the open catalog's models, the filter over them and the one selected (whose view-model it loads);
 * and what the status bar says about loading them.
 */
public final class ModelListViewModel {
    private final TaskExecutor tasks;
    private final Supplier<Services> services;
    private final ModelViewModel model;
    private final ObservableList<ModelSummary> models = FXCollections.observableArrayList();
    private final FilteredList<ModelSummary> filtered = new FilteredList<>(models);
    private final ModelFilter filterRule = new ModelFilter();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<ModelSummary> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Opening catalog…");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");
    /** The descriptions the filter holds are of an older list; a read of them is under way. */
    private boolean descriptionsStale = true;
    private boolean readingDescriptions;

    public ModelListViewModel(TaskExecutor tasks, Supplier<Services> services, ModelViewModel model) {
        this.tasks = tasks;
        this.services = services;
        this.model = model;
        filter.addListener((o, a, text) -> {
            filtered.setPredicate(filterRule.matching(text));
            readDescriptionsIfStale();
        });
        for (javafx.beans.Observable o : List.<javafx.beans.Observable>of(loading, models, filter)) {
            o.addListener(x -> placeholder.set(placeholderText()));
        }
        selected.addListener((o, old, m) -> {
            if (m == null || old == null || !m.name().equals(old.name())) {
                model.load(m == null ? null : m.name());
            }
        });
    }

    void opening(Path path) {
        loading.set(true);
        String name = ServerLogin.isAddress(path.toString()) ? ServerLogin.withoutPassword(path.toString())
                : path.toString(); // an address given with --catalog may hold a password
        status.set("Opening " + name + "…");
    }

    /** Nothing was opened for {@code path} (the person cancelled); {@code keep}: a catalog is still shown. */
    void nothingOpened(Path path, boolean keep) {
        if (!keep) {
            loading.set(false);
            status.set("No catalog open (nothing at " + path + "): use File → Open catalog… or New catalog…");
        }
    }

    /**
     * Shows another catalog's models, selecting {@code prefer} if it is there, else the first; {@code first} (or
     * null): that model's read, started ahead of the window, which its load uses if it is the one selected.
     */
    void showOpened(List<ModelSummary> list, String prefer, EarlyModelRead first) {
        selected.set(null);
        show(list);
        model.offer(first);
        filtered.stream().filter(m -> m.name().equals(prefer)).findFirst()
                .or(() -> filtered.stream().findFirst()).ifPresent(selected::set);
    }

    /** Reloads the model list and the selected model, keeping selections. */
    public void refresh() {
        if (services.get() == null) {
            return;
        }
        tasks.run("Load models", () -> services.get().registry().models(), list -> {
            show(list);
            model.reload();
        }, this::fail);
    }

    private void show(List<ModelSummary> list) {
        String keep = selectedName();
        filterRule.index(list);
        descriptionsStale = true;
        readDescriptionsIfStale();
        models.setAll(list);
        if (keep != null) {
            list.stream().filter(m -> m.name().equals(keep)).findFirst().ifPresent(selected::set);
        }
        loading.set(false);
        status.set(Text.count(list.size(), "model"));
    }

    /**
     * Reads the versions' descriptions for the filter, only once something is typed (on a million versions the read
     * scans them all, so a window nobody searches in never pays it) and again after the list changed; the filter is
     * applied again when they arrive, so a model found by its description joins the list a moment after the others.
     */
    private void readDescriptionsIfStale() {
        if (!descriptionsStale || readingDescriptions || filter.get().isBlank() || services.get() == null) {
            return;
        }
        descriptionsStale = false;
        readingDescriptions = true;
        tasks.run("Read descriptions", () -> services.get().registry().descriptions(), d -> {
            readingDescriptions = false;
            filterRule.indexDescriptions(d);
            filtered.setPredicate(filterRule.matching(filter.get()));
            readDescriptionsIfStale(); // the list changed while they were read
        }, t -> {
            readingDescriptions = false;
            fail(t);
        });
    }

    void fail(Throwable t) {
        loading.set(false);
        Failure f = Failure.of(t);
        String message = f.message();
        errorDetails.set(f.details());
        error.set(null); // the same message twice is still a second error to show
        error.set(message);
        status.set(message);
    }

    /** The selected model's name, or null. */
    String selectedName() {
        return selected.get() == null ? null : selected.get().name();
    }

    /** The models that pass the filter. */
    public ObservableList<ModelSummary> models() {
        return filtered;
    }

    public ObjectProperty<ModelSummary> selectedProperty() {
        return selected;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last error, for the view to show in a dialog. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * What the list says when it shows no model: nothing while the catalog loads (a spinner shows), "No models yet"
     * only when the catalog really has none, and that the filter hides them otherwise.
     */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    private String placeholderText() {
        if (loading.get()) {
            return "";
        }
        if (models.isEmpty()) {
            return "No models yet.\nRegister one with 'rewind register'.";
        }
        return "No model matches \u201c" + filter.get().strip() + "\u201d.";
    }

    /** The last error's stack trace when it was unexpected, else null. */
    public ReadOnlyStringProperty errorDetailsProperty() {
        return errorDetails.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}

package dev.rewind.ui.shell;

import dev.rewind.domain.ModelSummary;
import dev.rewind.domain.RewindException;
import dev.rewind.service.CatalogSessions;
import dev.rewind.service.LearnScenarioLoader;
import dev.rewind.service.OpenMode;
import dev.rewind.service.Services;
import dev.rewind.ui.common.DialogService;
import dev.rewind.ui.common.Formats;
import dev.rewind.ui.common.TaskRunner;
import dev.rewind.ui.compare.CompareViewModel;
import dev.rewind.ui.learn.LearnViewModel;
import dev.rewind.ui.learn.SandboxHost;
import dev.rewind.ui.model.ModelViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.util.Duration;

/**
 * State of the main window: the open catalog, its models, the filter and selection, the selected model's
 * view-model, and a watcher that reloads within a second or two when another process changes the catalog.
 * Learn mode swaps the catalog for a sandbox and back ({@link SandboxHost}).
 */
public final class MainViewModel implements SandboxHost {
    private final TaskRunner tasks;
    private final BiFunction<Path, OpenMode, CatalogSessions.Opened> opener;
    private final ModelViewModel modelVm;
    private final CompareViewModel compareVm;
    private final ImportViewModel importVm;
    private volatile Services services;
    private final LearnViewModel learnVm;
    private final ReadOnlyBooleanWrapper sandbox = new ReadOnlyBooleanWrapper(false);
    private Path userCatalog;
    private String userModel;
    private long openGeneration;

    private final ObservableList<ModelSummary> models = FXCollections.observableArrayList();
    private final FilteredList<ModelSummary> filtered = new FilteredList<>(models);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<ModelSummary> selectedModel = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Opening catalog…");
    private final ReadOnlyStringWrapper catalogPath = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastChange = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ObservableList<CatalogSessions.Note> openNotes = FXCollections.observableArrayList();
    private final ObservableList<CatalogSessions.Note> openNotesView =
            FXCollections.unmodifiableObservableList(openNotes);
    private final Timeline watcher;
    private long seenCounter = Long.MIN_VALUE;
    private boolean checking;

    /** {@code opener} opens a catalog file and runs on a worker thread. */
    public MainViewModel(TaskRunner tasks, DialogService dialogs,
                         BiFunction<Path, OpenMode, CatalogSessions.Opened> opener) {
        this.tasks = tasks;
        this.opener = opener;
        this.modelVm = new ModelViewModel(tasks, dialogs, () -> services);
        modelVm.setAfterChange(this::refresh);
        this.compareVm = new CompareViewModel(tasks, dialogs, modelVm, () -> services);
        this.importVm = new ImportViewModel(tasks, dialogs, () -> services, this::refresh);
        filter.addListener((o, a, text) -> {
            String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(m -> needle.isEmpty() || m.name().toLowerCase(Locale.ROOT).contains(needle));
        });
        selectedModel.addListener((o, old, m) -> {
            if (m == null || old == null || !m.name().equals(old.name())) {
                modelVm.load(m == null ? null : m.name());
            }
        });
        this.learnVm = new LearnViewModel(tasks, dialogs, this, modelVm, compareVm, LearnScenarioLoader::shipped);
        watcher = new Timeline(new KeyFrame(Duration.seconds(1), e -> checkForChanges()));
        watcher.setCycleCount(Timeline.INDEFINITE);
    }

    /** Opens a catalog in the background, shows its models and selects the first one. */
    public void open(Path path, OpenMode mode) {
        sandbox.set(false); // opening another catalog ends Learn mode
        userCatalog = null;
        load(path, mode, null, null, () -> { }, t -> { });
    }

    @Override
    public void openSandbox(Path db, Consumer<Services> fill, Runnable onOpen, Consumer<Throwable> onFail) {
        boolean first = !sandbox.get();
        if (first) {
            userCatalog = services == null ? null : services.location();
            userModel = selectedModel.get() == null ? null : selectedModel.get().name();
            sandbox.set(true);
        }
        load(db, OpenMode.CREATE_EMPTY, fill, null, onOpen, t -> {
            if (first) { // the person's catalog is still the open one
                sandbox.set(false);
                userCatalog = null;
            }
            onFail.accept(t);
        });
    }

    @Override
    public void leaveSandbox() {
        if (!sandbox.get()) {
            return;
        }
        sandbox.set(false);
        Path back = userCatalog;
        userCatalog = null;
        if (back != null) {
            // the person's catalog is only read: nothing here writes to it
            load(back, OpenMode.EXISTING, null, userModel, () -> { }, t -> { });
        }
    }

    @Override
    public ReadOnlyBooleanProperty sandboxProperty() {
        return sandbox.getReadOnlyProperty();
    }

    private void load(Path path, OpenMode mode, Consumer<Services> fill, String prefer, Runnable onOpen,
                      Consumer<Throwable> onFail) {
        long generation = ++openGeneration;
        boolean isSandbox = sandbox.get();
        loading.set(true);
        status.set("Opening " + path + "…");
        tasks.run("Open catalog", () -> {
            CatalogSessions.Opened session = opener.apply(path, mode);
            Services s = session.services();
            try {
                if (fill != null) {
                    fill.accept(s);
                }
                return new Opened(s, s.registry().models(), s.changeCounter(),
                        session.created() && mode == OpenMode.DEMO_IF_MISSING, session.notes());
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        }, opened -> {
            if (generation != openGeneration) {
                closeLater(opened.services()); // a newer open won meanwhile
                return;
            }
            Services old = services;
            services = opened.services();
            if (old != null && old != services) {
                closeLater(old);
                modelVm.forgetLastMove();
            }
            seenCounter = opened.counter();
            openNotes.setAll(opened.notes());
            String location = services.location().toString();
            if (isSandbox) {
                catalogPath.set("Learn sandbox (temporary): " + location);
            } else {
                catalogPath.set(location);
                recent.remove(location);
                recent.add(0, location);
            }
            selectedModel.set(null);
            show(opened.models());
            filtered.stream().filter(m -> m.name().equals(prefer)).findFirst()
                    .or(() -> filtered.stream().findFirst()).ifPresent(selectedModel::set);
            lastChange.set("Opened " + Formats.time(Instant.now()));
            watcher.play();
            if (opened.fresh()) {
                learnVm.offerTour();
            }
            onOpen.run();
        }, t -> {
            if (generation == openGeneration) {
                fail(t);
                onFail.accept(t);
            }
        });
    }

    private void closeLater(Services s) {
        tasks.run("Close catalog", () -> {
            s.close();
            return null;
        }, x -> { }, x -> { });
    }

    private record Opened(Services services, List<ModelSummary> models, long counter, boolean fresh,
                          List<CatalogSessions.Note> notes) {
    }

    /** Reloads the model list and the selected model, keeping selections. */
    public void refresh() {
        if (services == null) {
            return;
        }
        tasks.run("Load models", () -> services.registry().models(), list -> {
            show(list);
            modelVm.reload();
        }, this::fail);
    }

    private void checkForChanges() {
        Services s = services;
        if (s == null || checking) {
            return;
        }
        checking = true;
        tasks.run("Watch catalog", () -> s.changeCounter(), counter -> {
            checking = false;
            if (s == services && counter != seenCounter) {
                seenCounter = counter;
                lastChange.set("Change seen " + Formats.time(Instant.now()));
                refresh();
            }
        }, t -> checking = false);
    }

    private void show(List<ModelSummary> list) {
        String keep = selectedModel.get() == null ? null : selectedModel.get().name();
        models.setAll(list);
        if (keep != null) {
            list.stream().filter(m -> m.name().equals(keep)).findFirst().ifPresent(selectedModel::set);
        }
        loading.set(false);
        status.set(list.size() + (list.size() == 1 ? " model" : " models"));
    }

    private void fail(Throwable t) {
        loading.set(false);
        String message = t instanceof RewindException ? t.getMessage() : "Unexpected error: " + t;
        error.set(null);
        error.set(message);
        status.set(message);
    }

    public void stopWatching() {
        watcher.stop();
    }

    /** Stops watching and closes the catalog (when the window closes). */
    public void close() {
        watcher.stop();
        Services s = services;
        services = null;
        if (s != null) {
            s.close();
        }
        learnVm.shutdown();
    }

    public ModelViewModel model() {
        return modelVm;
    }

    public CompareViewModel compare() {
        return compareVm;
    }

    public ImportViewModel importer() {
        return importVm;
    }

    public ObservableList<ModelSummary> models() {
        return filtered;
    }

    public ObjectProperty<ModelSummary> selectedModelProperty() {
        return selectedModel;
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

    public ReadOnlyStringProperty lastChangeProperty() {
        return lastChange.getReadOnlyProperty();
    }

    /** The last error, for the view to show in a dialog. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** What opening the current catalog repaired or could not repair (a serving dir, say), for the view to show. */
    public ObservableList<CatalogSessions.Note> openNotes() {
        return openNotesView;
    }

    /** Catalogs opened recently, newest first. */
    public ObservableList<String> recent() {
        return recent;
    }

    public LearnViewModel learn() {
        return learnVm;
    }
}

package dev.rewind.ui.shell;

import dev.rewind.domain.Abilities;
import dev.rewind.domain.ModelSummary;
import dev.rewind.service.CatalogSessions;
import dev.rewind.service.LearnScenarioLoader;
import dev.rewind.service.OpenMode;
import dev.rewind.service.ServerLogin;
import dev.rewind.service.ServerPasswords;
import dev.rewind.service.Services;
import dev.rewind.ui.common.DialogService;
import dev.rewind.ui.common.Scheduler;
import dev.rewind.ui.common.TaskExecutor;
import dev.rewind.ui.compare.CompareViewModel;
import dev.rewind.ui.details.ArtifactFilesViewModel;
import dev.rewind.ui.details.DesktopFolderOpener;
import dev.rewind.ui.details.FolderOpener;
import dev.rewind.ui.learn.LearnViewModel;
import dev.rewind.ui.model.ModelViewModel;
import dev.rewind.ui.versions.ColumnChoices;
import dev.rewind.ui.versions.VersionsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Clock;
import java.util.function.BiFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * The main window's state, put together from its parts: the open catalog ({@link CatalogLifecycle}), its model
 * list ({@link ModelListViewModel}), the selected model, Compare, import, Learn mode, and the watcher that
 * reloads when another process changes the catalog ({@link LiveRefresh}).
 */
public final class MainViewModel {
    private final ModelViewModel modelVm;
    private final CompareViewModel compareVm;
    private final VersionsViewModel versionsVm;
    private final ImportViewModel importVm;
    private final ModelListViewModel list;
    private final LiveRefresh live;
    private final CatalogLifecycle lifecycle;
    private final LearnViewModel learnVm;
    private final IntegrityViewModel integrity;
    private final ArtifactFilesViewModel artifactFiles;
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final DialogService dialogs;
    private final TaskExecutor tasks;
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(false);
    private final ServerPasswords passwords;
    private final javafx.beans.property.ReadOnlyObjectWrapper<Abilities> abilities =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(Abilities.EVERYTHING);

    /** As the full constructor, with the Versions tab's column choices kept only while the program runs. */
    public MainViewModel(TaskExecutor tasks, DialogService dialogs, Scheduler scheduler, Clock clock,
                         BiFunction<Path, OpenMode, CatalogSessions.Opened> opener) {
        this(tasks, dialogs, scheduler, clock, opener, new DesktopFolderOpener(), ColumnChoices.inMemory());
    }

    /** With {@code folders} showing a stored artifact's folder (a test brings one that launches nothing). */
    public MainViewModel(TaskExecutor tasks, DialogService dialogs, Scheduler scheduler, Clock clock,
                         BiFunction<Path, OpenMode, CatalogSessions.Opened> opener, FolderOpener folders) {
        this(tasks, dialogs, scheduler, clock, opener, folders, ColumnChoices.inMemory());
    }

    /** With {@code columns} remembering the Versions tab's metric columns per model (the app's preferences). */
    public MainViewModel(TaskExecutor tasks, DialogService dialogs, Scheduler scheduler, Clock clock,
                         BiFunction<Path, OpenMode, CatalogSessions.Opened> opener, ColumnChoices columns) {
        this(tasks, dialogs, scheduler, clock, opener, new DesktopFolderOpener(), columns);
    }

    /**
     * {@code opener} opens a catalog file and runs on a worker thread; {@code folders} shows a stored artifact's
     * folder; {@code columns} remembers the Versions tab's metric columns per model.
     */
    public MainViewModel(TaskExecutor tasks, DialogService dialogs, Scheduler scheduler, Clock clock,
                         BiFunction<Path, OpenMode, CatalogSessions.Opened> opener, FolderOpener folders,
                         ColumnChoices columns) {
        this(tasks, dialogs, scheduler, clock, opener, folders, columns, new ServerPasswords());
    }

    /** With {@code passwords}, where "Connect to PostgreSQL…" leaves a typed password for {@code opener} to use. */
    public MainViewModel(TaskExecutor tasks, DialogService dialogs, Scheduler scheduler, Clock clock,
                         BiFunction<Path, OpenMode, CatalogSessions.Opened> opener, FolderOpener folders,
                         ColumnChoices columns, ServerPasswords passwords) {
        this.passwords = passwords;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.modelVm = new ModelViewModel(tasks, dialogs, this::services, clock);
        this.compareVm = new CompareViewModel(tasks, dialogs, modelVm, this::services);
        this.versionsVm = new VersionsViewModel(tasks, this::services, modelVm, columns);
        this.list = new ModelListViewModel(tasks, this::services, modelVm);
        this.importVm = new ImportViewModel(tasks, dialogs, this::services, list::refresh);
        this.live = new LiveRefresh(tasks.forWaiting(), scheduler, clock, list::refresh);
        this.lifecycle = new CatalogLifecycle(tasks, opener, list, live, this::shown);
        this.learnVm = new LearnViewModel(tasks, dialogs, scheduler, lifecycle, modelVm, compareVm,
                LearnScenarioLoader::shipped);
        modelVm.setAfterChange(list::refresh);
        // read from the check's thread: a copy of the FX property that any thread may read
        java.util.concurrent.atomic.AtomicBoolean modelLoading = new java.util.concurrent.atomic.AtomicBoolean();
        modelVm.readingProperty().addListener((o, was, now) -> modelLoading.set(now));
        this.integrity = new IntegrityViewModel(tasks, this::services, modelLoading::get);
        this.artifactFiles = new ArtifactFilesViewModel(tasks, this::services, folders, dialogs);
    }

    private Services services() {
        return lifecycle.services();
    }

    private void shown(CatalogLifecycle.Opened opened) {
        modelVm.forgetLastMove(); // undoing a move made in another catalog would be wrong
        readOnly.set(opened.services().readOnly());
        abilities.set(opened.services().abilities()); // asked of the server while the catalog opened
        // after the first model is shown: on a large catalog the check competes with its load for the cores
        whenModelShown(integrity::check);
        for (CatalogSessions.Note note : opened.notes()) { // the CLI prints these; the window must not drop them
            if (note.kind() == CatalogSessions.Note.Kind.REPAIRED) {
                dialogs.notifyDone("Finished an interrupted switch: " + note.text(), null);
            } else {
                dialogs.showError("The catalog opened with a warning", note.text());
            }
        }
        if (opened.fresh()) {
            learnVm.offerTour();
        }
    }

    /** Runs {@code r} once the model loading now (if any) is shown. */
    private void whenModelShown(Runnable r) {
        if (!modelVm.loadingProperty().get()) {
            r.run();
            return;
        }
        modelVm.loadingProperty().addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean loading) {
                if (!loading) {
                    o.removeListener(this);
                    r.run();
                }
            }
        });
    }

    /**
     * Opens the catalog the window starts on or File → Open names. Only the default catalog is created (with the
     * demo) without asking; any other path where there is no file asks what to do (it may be a typo).
     */
    public void openOrAsk(Path path, boolean isDefault) {
        if (ServerLogin.isAddress(path.toString())) { // a server says itself whether it holds a catalog
            open(path, OpenMode.EXISTING);
            return;
        }
        if (isDefault) {
            open(path, OpenMode.DEMO_IF_MISSING);
            return;
        }
        tasks.run("Look for the catalog", () -> Files.exists(path), exists -> {
            if (exists) {
                open(path, OpenMode.EXISTING);
            } else {
                askAboutMissing(path);
            }
        }, t -> dialogs.showFailure("Could not open " + path, t));
    }

    private void askAboutMissing(Path path) {
        Optional<DialogService.MissingCatalog> choice = dialogs.askMissingCatalog(path);
        if (choice.isEmpty()) {
            list.nothingOpened(path, services() != null);
            return;
        }
        switch (choice.get()) {
            case CREATE_EMPTY -> open(path, OpenMode.CREATE_EMPTY);
            case CREATE_DEMO -> open(path, OpenMode.DEMO_IF_MISSING);
            case CHOOSE_ANOTHER -> dialogs.askCatalogFile().ifPresentOrElse(p -> openOrAsk(p, false),
                    () -> list.nothingOpened(path, services() != null));
        }
    }

    /**
     * Opens the catalog on the server "Connect to PostgreSQL…" names, in the background as File → Open does; the
     * password typed (if any) stays in memory for this address only.
     */
    public void connect(ServerLogin login) {
        passwords.remember(login);
        open(Path.of(login.address()), OpenMode.EXISTING);
    }

    /** Opens a catalog in the background, shows its models and selects the first one. */
    public void open(Path path, OpenMode mode) {
        lifecycle.open(path, mode);
    }

    /** Reloads the model list and the selected model, keeping selections. */
    public void refresh() {
        list.refresh();
    }

    /** Stops watching and closes the catalog (when the window closes). */
    public void close() {
        live.stop();
        lifecycle.close();
        learnVm.shutdown();
    }

    public ModelViewModel model() {
        return modelVm;
    }

    public CompareViewModel compare() {
        return compareVm;
    }

    /** The stored copy of the version in Details: a directory's files, "Open folder". */
    public ArtifactFilesViewModel artifactFiles() {
        return artifactFiles;
    }

    public VersionsViewModel versions() {
        return versionsVm;
    }

    public ImportViewModel importer() {
        return importVm;
    }

    public LearnViewModel learn() {
        return learnVm;
    }

    /** The models that pass the filter. */
    public ObservableList<ModelSummary> models() {
        return list.models();
    }

    public ObjectProperty<ModelSummary> selectedModelProperty() {
        return list.selectedProperty();
    }

    public StringProperty filterProperty() {
        return list.filterProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return list.statusProperty();
    }

    /** The last error, for the view to show in a dialog. */
    public ReadOnlyStringProperty errorProperty() {
        return list.errorProperty();
    }

    /** What the model list says when it is empty; see {@link ModelListViewModel#placeholderProperty}. */
    public javafx.beans.property.ReadOnlyStringProperty modelListPlaceholderProperty() {
        return list.placeholderProperty();
    }

    /** The last error's stack trace when it was unexpected (the dialog's details), else null. */
    public ReadOnlyStringProperty errorDetailsProperty() {
        return list.errorDetailsProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return list.loadingProperty();
    }

    public ReadOnlyStringProperty catalogPathProperty() {
        return lifecycle.catalogPathProperty();
    }

    /** Catalogs opened recently, newest first. */
    public ObservableList<String> recent() {
        return lifecycle.recent();
    }

    public ReadOnlyStringProperty lastChangeProperty() {
        return live.lastChangeProperty();
    }

    /** "Lost connection to … — reconnecting…" while the open server catalog cannot be reached (the banner); else null. */
    public ReadOnlyStringProperty lostConnectionProperty() {
        return live.lostProperty();
    }

    /** Whether the open catalog's history holds (the banner). */
    public IntegrityViewModel integrity() {
        return integrity;
    }

    /** Whether the open catalog is read-only for this user: the window shows a banner and offers no changes. */
    /** What the connected user may change in the open catalog (everything, for a file). */
    public javafx.beans.property.ReadOnlyObjectProperty<Abilities> abilitiesProperty() {
        return abilities.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public BooleanProperty darkProperty() {
        return dark;
    }
}

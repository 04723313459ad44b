package dev.rewind.ui.details;

import dev.rewind.domain.ArtifactFile;
import dev.rewind.domain.Version;
import dev.rewind.service.PathService.StoredCopy;
import dev.rewind.service.Services;
import dev.rewind.ui.common.DialogService;
import dev.rewind.ui.common.Failure;
import dev.rewind.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The stored copy of the version in Details: where it is (for "Open folder") and, for a directory, its files as the
 * manifest lists them. Listing hashes every file, so it runs in the background; a listing that arrives after another
 * version came into focus is dropped.
 */
public final class ArtifactFilesViewModel {
    private static final System.Logger LOG = System.getLogger(ArtifactFilesViewModel.class.getName());
    private final TaskExecutor tasks;
    private final Supplier<Services> services;
    private final FolderOpener opener;
    private final DialogService dialogs;
    private final ObservableList<ArtifactFile> files = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private long shownId = -1;

    public ArtifactFilesViewModel(TaskExecutor tasks, Supplier<Services> services, FolderOpener opener,
                                  DialogService dialogs) {
        this.tasks = tasks;
        this.services = services;
        this.opener = opener;
        this.dialogs = dialogs;
    }

    /** Reads the stored copy of {@code v} (null: none in focus). */
    public void show(Version v) {
        long id = v == null ? -1 : v.id();
        if (id == shownId) {
            return;
        }
        shownId = id;
        files.clear();
        folder.set(null);
        problem.set(null);
        if (v == null || v.artifact() == null || !v.artifact().stored() || services.get() == null) {
            reading.set(false);
            return;
        }
        reading.set(true);
        tasks.run("List the artifact's files", () -> services.get().paths().storedCopy(v.artifact()), copy -> {
            if (shownId == id) {
                reading.set(false);
                copy.ifPresent(this::showCopy);
            }
        }, t -> {
            if (shownId == id) {
                reading.set(false);
                problem.set(Failure.of(t).message());
            }
        });
    }

    private void showCopy(StoredCopy copy) {
        files.setAll(copy.files());
        // a single file's folder is the whole store: "Open folder" shows the copy's folder only for a directory
        folder.set(copy.files().isEmpty() ? null : copy.path());
    }

    /** Opens the stored directory in the file manager, off the UI thread; a failure is one line in a dialog. */
    public void openFolder() {
        Path p = folder.get();
        if (p == null) {
            return;
        }
        tasks.run("Open folder", () -> {
            opener.open(p);
            return Optional.empty();
        }, ok -> { }, t -> {
            // no file manager is a fact of the desktop, not a bug: one line, the trace in the log
            String why = t instanceof java.io.IOException ? t.getMessage() : Failure.of(t).message();
            LOG.log(System.Logger.Level.WARNING, "could not open " + p, t);
            dialogs.showError("Could not open the folder", "Could not open " + p + ": " + why);
        });
    }

    /** The files of a directory artifact, in path order; empty for a single file. */
    public ObservableList<ArtifactFile> files() {
        return files;
    }

    /** The stored directory, or null (no directory artifact, or not read yet). */
    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** Why the files could not be listed, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}

package dev.rewind.ui.shell;

import dev.rewind.domain.RewindException;
import dev.rewind.importer.mlflow.MlflowReader;
import dev.rewind.service.ImportService;
import dev.rewind.service.Services;
import dev.rewind.ui.common.DialogService;
import dev.rewind.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** File → Import from MLflow: runs the import off the FX thread with progress counts and a cancel. */
public final class ImportViewModel {
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Supplier<Services> services;
    private final Runnable afterImport;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private volatile AtomicBoolean cancel = new AtomicBoolean();

    public ImportViewModel(TaskRunner tasks, DialogService dialogs, Supplier<Services> services, Runnable afterImport) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.services = services;
        this.afterImport = afterImport;
    }

    /** Asks for a store (a folder or a database file) and imports it. */
    public void requestImport(boolean folder) {
        if (!running.get()) {
            dialogs.askImportSource(folder).ifPresent(this::importFrom);
        }
    }

    public void importFrom(Path source) {
        AtomicBoolean cancelled = new AtomicBoolean();
        cancel = cancelled;
        running.set(true);
        progress.set(-1);
        message.set("Importing " + source.getFileName() + "…");
        MlflowReader.Progress report = new MlflowReader.Progress() {
            @Override
            public void report(String what, long done, long total) {
                Platform.runLater(() -> {
                    progress.set(total <= 0 ? -1 : (double) done / total);
                    message.set("Importing " + source.getFileName() + ": " + what + (total > 1 ? " " + done + " / " + total : ""));
                });
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };
        tasks.run("Import " + source, () -> services.get().importer().importMlflow(source, null, report), r -> {
            running.set(false);
            message.set("");
            afterImport.run();
            dialogs.notifyDone(summary(r), null);
        }, t -> {
            running.set(false);
            message.set("");
            dialogs.showError("Import failed; nothing was imported",
                    t instanceof RewindException ? t.getMessage() : String.valueOf(t));
        });
    }

    static String summary(ImportService.Report r) {
        return "Imported " + r.versionsAdded() + " new versions of " + r.models() + " models"
                + (r.versionsAlreadyThere() > 0 ? " (" + r.versionsAlreadyThere() + " were already here)" : "")
                + (r.targetsMoved() > 0 ? "; " + r.targetsMoved() + " aliases/stages observed" : "");
    }

    public void cancel() {
        cancel.set(true);
        message.set("Cancelling…");
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1, or −1 while the amount of work is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}

package dev.rewind.ui.shell;

import dev.rewind.importer.mlflow.MlflowReader;
import dev.rewind.domain.Text;
import dev.rewind.service.ImportService;
import dev.rewind.service.Services;
import dev.rewind.ui.common.BackgroundTask;
import dev.rewind.ui.common.DialogService;
import dev.rewind.ui.common.TaskContext;
import dev.rewind.ui.common.TaskExecutor;
import dev.rewind.ui.common.TaskHandle;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** File → Import from MLflow: runs the import in the background with progress counts and a cancel. */
public final class ImportViewModel {
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Supplier<Services> services;
    private final Runnable afterImport;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private TaskHandle handle;

    public ImportViewModel(TaskExecutor tasks, DialogService dialogs, Supplier<Services> services, Runnable afterImport) {
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
        running.set(true);
        progress.set(-1);
        message.set("Importing " + source.getFileName() + "…");
        TaskHandle h = tasks.execute(BackgroundTask.of("Import " + source, ctx ->
                services.get().importer().importMlflow(source, null, reporting(ctx, source)))
                .onSuccess(r -> {
                    finished();
                    afterImport.run();
                    dialogs.notifyDone(summary(r), null);
                }).onFailure(t -> {
                    finished();
                    dialogs.showFailure("Import failed; nothing was imported", t);
                }));
        if (h.runningProperty().get()) { // else it ran already (on this thread)
            handle = h;
            h.progressProperty().addListener((o, was, now) -> {
                if (handle == h) {
                    progress.set(now.doubleValue());
                }
            });
            h.messageProperty().addListener((o, was, now) -> {
                if (handle == h) {
                    message.set(now);
                }
            });
        }
    }

    /** The importer's reports, worded for the status bar; its cancel is the task's. */
    private static MlflowReader.Progress reporting(TaskContext ctx, Path source) {
        return new MlflowReader.Progress() {
            @Override
            public void report(String what, long done, long total) {
                ctx.updateProgress(done, total);
                ctx.updateMessage("Importing " + source.getFileName() + ": " + what
                        + (total > 1 ? " " + done + " / " + total : ""));
            }

            @Override
            public boolean cancelled() {
                return ctx.isCancelled();
            }
        };
    }

    private void finished() {
        handle = null;
        running.set(false);
        message.set("");
    }

    static String summary(ImportService.Report r) {
        return "Imported " + Text.count(r.versionsAdded(), "new version") + " of " + Text.count(r.models(), "model")
                + (r.versionsAlreadyThere() > 0 ? " (" + r.versionsAlreadyThere()
                        + (r.versionsAlreadyThere() == 1 ? " was" : " were") + " already here)" : "")
                + (r.targetsMoved() > 0 ? "; " + r.targetsMoved() + " aliases/stages observed" : "");
    }

    public void cancel() {
        if (handle != null) {
            handle.cancel();
            message.set("Cancelling…");
        }
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

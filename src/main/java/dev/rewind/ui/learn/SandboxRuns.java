package dev.rewind.ui.learn;

import dev.rewind.service.LearnScenario;
import dev.rewind.service.SandboxService;
import dev.rewind.ui.common.DialogService;
import dev.rewind.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The sandboxes of Learn mode: each built in a fresh temporary folder on a worker thread, shown through the
 * window in place of the person's catalog, and deleted when Learn mode ends.
 */
final class SandboxRuns {
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final SandboxHost host;
    private final List<Path> made = new ArrayList<>();

    SandboxRuns(TaskExecutor tasks, DialogService dialogs, SandboxHost host) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.host = host;
    }

    /** Builds a sandbox of the scenario and shows it, unless {@code wanted} says Learn mode ended meanwhile. */
    void open(LearnScenario s, SandboxService.Variant variant, BooleanSupplier wanted, Runnable onOpen,
              Consumer<Throwable> onFail) {
        tasks.run("Prepare the Learn sandbox", SandboxService::newCatalogFile, db -> {
            made.add(db);
            if (!wanted.getAsBoolean()) {
                discardLater();
                return;
            }
            host.openSandbox(db, services -> services.sandbox().build(s, variant),
                    onOpen, onFail); // the window reports a failure to open
        }, t -> {
            dialogs.showFailure("Could not prepare the Learn sandbox", t);
            onFail.accept(t);
        });
    }

    /** Shows the person's catalog again and deletes the sandboxes. */
    void leave() {
        host.leaveSandbox();
        discardLater();
    }

    void discardLater() {
        List<Path> gone = List.copyOf(made);
        made.clear();
        tasks.run("Discard the Learn sandbox", () -> {
            gone.forEach(SandboxService::discard);
            return null;
        }, x -> { }, t -> { });
    }

    /** When the window closes: the catalog is closed already, and no worker may be left to do it. */
    void discardNow() {
        made.forEach(SandboxService::discard);
        made.clear();
    }
}

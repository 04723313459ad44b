package dev.rewind.ui.model;

import dev.rewind.domain.Version;
import dev.rewind.service.Services;
import dev.rewind.ui.common.TaskExecutor;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The timeline holds light rows; this reads the full version (metrics, params) of the one in focus, and of any
 * versions compared, when they are looked at. The latest request wins over one still running.
 */
final class VersionDetails {
    private final TaskExecutor tasks;
    private final Supplier<Services> services;
    private final Consumer<Runnable> when;
    private final ReadOnlyObjectWrapper<Version> details = new ReadOnlyObjectWrapper<>();
    private long generation;

    /**
     * {@code when} runs a read: at once, or later (a model just shown has its details read once its timeline is
     * laid out, so the first frame is not the details pane's too).
     */
    VersionDetails(TaskExecutor tasks, Supplier<Services> services, ObservableValue<Version> current,
                   Consumer<Runnable> when) {
        this.tasks = tasks;
        this.services = services;
        this.when = when;
        current.addListener((o, a, v) -> read(v));
    }

    private void read(Version v) {
        long asked = ++generation;
        if (v == null) {
            details.set(null);
            return;
        }
        if (details.get() != null && details.get().id() != v.id()) {
            details.set(null); // never another version's metrics under this one's label
        }
        Services from = services.get(); // read where the version is, should another catalog open meanwhile
        when.accept(() -> {
            if (asked != generation || from == null) {
                return; // another version came into focus meanwhile, or no catalog is open
            }
            tasks.run("Read " + v.label(), () -> from.registry().byIds(List.of(v.id())).get(0), full -> {
                if (asked == generation) {
                    details.set(full);
                }
            }, t -> System.getLogger(VersionDetails.class.getName()).log(System.Logger.Level.WARNING,
                    "could not read " + v.label(), t));
        });
    }

    void withFull(List<Version> light, Consumer<List<Version>> then) {
        List<Long> ids = light.stream().map(Version::id).toList();
        Services from = services.get();
        if (from == null) {
            return;
        }
        tasks.run("Read versions", () -> from.registry().byIds(ids), then,
                t -> System.getLogger(VersionDetails.class.getName()).log(System.Logger.Level.WARNING,
                        "could not read versions to compare", t));
    }

    ReadOnlyObjectProperty<Version> detailsProperty() {
        return details.getReadOnlyProperty();
    }
}

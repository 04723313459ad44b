package dev.rewind.ui.shell;

import dev.rewind.service.ChainVerifier;
import dev.rewind.service.Services;
import dev.rewind.ui.common.TaskExecutor;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Whether the open catalog's history holds: checked in the background each time a catalog opens. When it does
 * not, the window shows a banner (moves are refused by the services until {@code rewind verify} is clean).
 */
public final class IntegrityViewModel {
    private final TaskExecutor tasks;
    private final Supplier<Services> services;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final BooleanBinding failing = Bindings.isNotNull(problem);
    private long generation;

    public IntegrityViewModel(TaskExecutor tasks, Supplier<Services> services) {
        this.tasks = tasks;
        this.services = services;
    }

    /** Checks the catalog open now; a result for a catalog opened since is dropped. */
    public void check() {
        Services s = services.get();
        problem.set(null);
        if (s == null) {
            return;
        }
        long mine = ++generation;
        tasks.run("Checking the history", () -> s.chain().verifyWithLinks(), found -> {
            if (mine == generation) {
                problem.set(summary(found));
            }
        }, error -> {
            if (mine == generation) {
                problem.set("the history could not be checked: " + error.getMessage());
            }
        });
    }

    private static String summary(ChainVerifier.Findings found) {
        List<String> p = found.problems();
        if (p.isEmpty()) {
            return null;
        }
        return p.get(0) + (p.size() > 1 ? " (and " + (p.size() - 1) + " more)" : "");
    }

    /** The first problem found (null while none): the banner's text. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding failingProperty() {
        return failing;
    }
}

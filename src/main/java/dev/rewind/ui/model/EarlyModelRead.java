package dev.rewind.ui.model;

import dev.rewind.service.Services;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The first read of a model (what its timeline needs), started ahead of the window for the model it will show
 * first: at start-up it runs while the toolkit starts and the window is built, so the first frame can hold the
 * timeline instead of waiting for a read that only begins once the list is shown. {@link ModelViewModel#offer}
 * takes it; a load of another model, or in another catalog, ignores it.
 */
public final class EarlyModelRead {
    private static final System.Logger LOG = System.getLogger(EarlyModelRead.class.getName());
    private final Services services;
    private final String model;
    private final CompletableFuture<ModelReads.Loaded> read = new CompletableFuture<>();

    private EarlyModelRead(Services services, String model) {
        this.services = services;
        this.model = model;
    }

    /** A read of {@code model} in {@code services}, not started yet: {@link #run} does it. */
    public static EarlyModelRead of(Services services, String model) {
        return new EarlyModelRead(Objects.requireNonNull(services), Objects.requireNonNull(model));
    }

    /** Reads the model on this thread, its parts on {@code parts} (off the FX thread); a failure is kept, not thrown. */
    public void run(Clock clock, Executor parts) {
        try {
            read.complete(ModelReads.first(services, model, clock.instant(), parts));
        } catch (Throwable t) { // the window's own load reads it again, and reports what fails then
            LOG.log(System.Logger.Level.DEBUG, "reading " + model + " ahead of the window failed", t);
            read.completeExceptionally(t);
        }
    }

    public String model() {
        return model;
    }

    boolean isFor(Services s, String name) {
        return services == s && model.equals(name);
    }

    /** The read if it is done and succeeded. */
    Optional<ModelReads.Loaded> ready() {
        return read.isDone() && !read.isCompletedExceptionally() ? Optional.of(read.join()) : Optional.empty();
    }

    /** Waits for the read; if it failed, reads the model again here (so its own failure is the one reported). */
    ModelReads.Loaded awaitElseRead(Clock clock, Executor parts) {
        try {
            return read.join();
        } catch (CompletionException e) {
            return ModelReads.first(services, model, clock.instant(), parts);
        }
    }
}

package dev.rewind.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Work for a {@link TaskExecutor}: it runs off the UI thread and may report progress; its success or failure is
 * handed back on the UI thread. Built fluently: {@code BackgroundTask.of("Import", ctx -> …).onSuccess(…)}.
 */
public final class BackgroundTask<T> {
    /** The work itself; it may report through, and should heed the cancel of, its context. */
    @FunctionalInterface
    public interface Work<T> {
        T call(TaskContext context) throws Exception;
    }

    private static final System.Logger LOG = System.getLogger(BackgroundTask.class.getName());

    private final String title;
    private final Work<T> work;
    private Consumer<T> onSuccess = value -> { };
    private Consumer<Throwable> onFailure;

    private BackgroundTask(String title, Work<T> work) {
        this.title = title;
        this.work = work;
        // nobody asked to hear of a failure: the log still gets its stack trace
        this.onFailure = t -> LOG.log(System.Logger.Level.WARNING, title + " failed", t);
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    /** Work that reports nothing. */
    public static <T> BackgroundTask<T> wrap(String title, Callable<T> work) {
        return new BackgroundTask<>(title, context -> work.call());
    }

    public BackgroundTask<T> onSuccess(Consumer<T> onSuccess) {
        this.onSuccess = onSuccess;
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> onFailure) {
        this.onFailure = onFailure;
        return this;
    }

    public String title() {
        return title;
    }

    T call(TaskContext context) throws Exception {
        return work.call(context);
    }

    void succeeded(T value) {
        onSuccess.accept(value);
    }

    void failed(Throwable t) {
        onFailure.accept(t);
    }
}

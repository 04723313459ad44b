package dev.rewind.ui.common;

/** Runs each task at once on the calling thread, progress included: view-models become plain objects to test. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        TaskHandle handle = new TaskHandle(task.title());
        runNow(task, handle);
        return handle;
    }

    /** Runs {@code task} here, reporting to {@code handle}; a test executor that defers work uses it too. */
    static <T> void runNow(BackgroundTask<T> task, TaskHandle handle) {
        T value;
        try {
            value = task.call(handle.direct());
        } catch (Exception e) {
            handle.finished();
            task.failed(e);
            return;
        }
        handle.finished();
        task.succeeded(value); // outside the try: a failing success handler is not the work's failure
    }
}

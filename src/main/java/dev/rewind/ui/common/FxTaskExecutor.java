package dev.rewind.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/**
 * The app's executor: each {@link BackgroundTask} runs as a JavaFX {@link Task} on a small pool of named daemon
 * threads, so its progress and message reach the FX thread coalesced (many reports, one update per pulse).
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService executor;
    private FxTaskExecutor waiting;
    private FxTaskExecutor checks;
    private ExecutorService parts;

    public FxTaskExecutor() {
        this(2, "rewind-worker-");
    }

    private FxTaskExecutor(int threads, String name) {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized TaskExecutor forWaiting() {
        if (waiting == null) {
            waiting = new FxTaskExecutor(1, "rewind-watch-");
        }
        return waiting;
    }

    @Override
    public synchronized TaskExecutor forChecks() {
        if (checks == null) {
            checks = new FxTaskExecutor(1, "rewind-check-");
        }
        return checks;
    }

    @Override
    public synchronized java.util.concurrent.Executor forParts() {
        if (parts == null) {
            AtomicInteger n = new AtomicInteger();
            parts = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "rewind-part-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return parts;
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        TaskHandle handle = new TaskHandle(task.title());
        FxTask<T> fx = new FxTask<>(task, handle);
        fx.progressProperty().addListener((o, was, now) -> handle.showProgress(now.doubleValue()));
        fx.messageProperty().addListener((o, was, now) -> handle.showMessage(now));
        fx.setOnSucceeded(e -> {
            handle.finished();
            task.succeeded(fx.getValue());
        });
        fx.setOnFailed(e -> {
            handle.finished();
            task.failed(fx.getException());
        });
        executor.execute(fx);
        return handle;
    }

    private static final class FxTask<T> extends Task<T> {
        private final BackgroundTask<T> task;
        private final TaskHandle handle;

        FxTask(BackgroundTask<T> task, TaskHandle handle) {
            this.task = task;
            this.handle = handle;
            updateTitle(task.title());
        }

        @Override
        protected T call() throws Exception {
            return task.call(new TaskContext() {
                @Override
                public void updateProgress(long done, long total) {
                    progress(TaskHandle.fraction(done, total));
                }

                @Override
                public void updateMessage(String message) {
                    message(message);
                }

                @Override
                public boolean isCancelled() {
                    return handle.isCancelled();
                }
            });
        }

        private void progress(double fraction) {
            updateProgress(fraction, 1); // a negative fraction makes the Task's progress indeterminate (−1)
        }

        private void message(String text) {
            updateMessage(text);
        }
    }
}

package dev.rewind.ui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds every task until the test runs it, in any order: a slow load finishing after a quick one, or progress
 * watched while it happens. Running a task is {@link CurrentThreadTaskExecutor}'s, on the test's thread.
 */
public final class QueuedTaskExecutor implements TaskExecutor {
    private record Queued<T>(BackgroundTask<T> task, TaskHandle handle) {
        void run() {
            CurrentThreadTaskExecutor.runNow(task, handle);
        }
    }

    private final List<Queued<?>> queue = new ArrayList<>();
    private final java.util.concurrent.Executor parts;

    /** Runs the parts of a task inline, on the test's thread. */
    public QueuedTaskExecutor() {
        this(Runnable::run);
    }

    /** Runs the parts of a task with {@code parts}, as the app's executor does on threads of their own. */
    public QueuedTaskExecutor(java.util.concurrent.Executor parts) {
        this.parts = parts;
    }

    @Override
    public java.util.concurrent.Executor forParts() {
        return parts;
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        Queued<T> q = new Queued<>(task, new TaskHandle(task.title()));
        queue.add(q);
        return q.handle();
    }

    /** The titles of the tasks waiting, oldest first. */
    public List<String> pending() {
        return queue.stream().map(q -> q.task().title()).toList();
    }

    /** Runs the {@code i}-th waiting task (0: the oldest). */
    public void run(int i) {
        queue.remove(i).run();
    }

    public void runOldest() {
        run(0);
    }

    public void runNewest() {
        run(queue.size() - 1);
    }

    /** Runs waiting tasks, and the tasks they submit, until none waits. */
    public void runAll() {
        while (!queue.isEmpty()) {
            runOldest();
        }
    }
}

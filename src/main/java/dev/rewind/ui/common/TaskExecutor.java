package dev.rewind.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs catalog and file work off the UI thread and hands the result back on it. The app uses
 * {@link FxTaskExecutor}; unit tests use {@link CurrentThreadTaskExecutor}, which runs the work inline.
 */
public interface TaskExecutor {
    <T> TaskHandle execute(BackgroundTask<T> task);

    /**
     * Where work that mostly waits runs (following a server catalog's changes): the app's has a thread of its own,
     * so a wait never holds up a load; a test's may run it as it runs everything else.
     */
    default TaskExecutor forWaiting() {
        return this;
    }

    /**
     * Where long work nobody waits for runs (the check of a whole history: minutes on a million events): the app's
     * has a thread of its own, so it never takes one of the two workers that loads, previews and moves wait for; a
     * test's may run it as it runs everything else.
     */
    default TaskExecutor forChecks() {
        return this;
    }

    /**
     * Where a running task hands a part of its work to run beside it (reading a model's versions while its lanes
     * are read), on threads of their own so a part never waits behind the tasks that wait for it; a test's runs
     * each part at once, on the caller's thread.
     */
    default Executor forParts() {
        return Runnable::run;
    }

    /** Shorthand for work that reports no progress. */
    default <T> TaskHandle run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return execute(BackgroundTask.wrap(name, work).onSuccess(onSuccess).onFailure(onFailure));
    }
}

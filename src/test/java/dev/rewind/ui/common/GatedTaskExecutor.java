package dev.rewind.ui.common;

import java.util.ArrayList;
import java.util.List;

/** Runs every task on the real executor at once, except those with one title, which wait until released. */
public final class GatedTaskExecutor implements TaskExecutor {
    private final FxTaskExecutor real = new FxTaskExecutor();
    private final List<Runnable> held = new ArrayList<>();
    private String holding;

    /** Holds back tasks titled {@code title} from now on. */
    public synchronized void hold(String title) {
        holding = title;
    }

    @Override
    public synchronized <T> TaskHandle execute(BackgroundTask<T> task) {
        if (task.title().equals(holding)) {
            TaskHandle handle = new TaskHandle(task.title());
            held.add(() -> CurrentThreadTaskExecutor.runNow(task, handle));
            return handle;
        }
        return real.execute(task);
    }

    /** Runs the held tasks (on the calling thread: the FX thread, as their callbacks expect) and holds no more. */
    public synchronized void release() {
        holding = null;
        held.forEach(Runnable::run);
        held.clear();
    }
}

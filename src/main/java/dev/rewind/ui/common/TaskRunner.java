package dev.rewind.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs catalog and file work off the FX thread and hands the result back on it. */
public interface TaskRunner {
    <T> void run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}

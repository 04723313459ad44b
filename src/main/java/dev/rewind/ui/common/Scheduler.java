package dev.rewind.ui.common;

import java.time.Duration;

/**
 * Timers for view-models, which must not hold an animation themselves: the app's runs its actions on the FX
 * thread ({@link FxScheduler}); a test's runs them when the test advances its time.
 */
public interface Scheduler {
    /** Runs {@code action} every {@code period}, the first time one period from now, until cancelled. */
    Cancellable every(Duration period, Runnable action);

    /** A running timer. */
    interface Cancellable {
        void cancel();
    }
}

package dev.rewind.ui.common;

import java.time.Duration;

/**
 * Timers for view-models, which must not hold an animation themselves: the app's runs its actions on the FX
 * thread ({@link FxScheduler}); a test's runs them when the test advances its time.
 */
public interface Scheduler {
    /** Runs {@code action} every {@code period}, the first time one period from now, until cancelled. */
    Cancellable every(Duration period, Runnable action);

    /** Runs {@code action} once, {@code delay} from now, unless cancelled first. */
    default Cancellable after(Duration delay, Runnable action) {
        Cancellable[] timer = new Cancellable[1];
        timer[0] = every(delay, () -> {
            timer[0].cancel();
            action.run();
        });
        return timer[0];
    }

    /** A running timer. */
    interface Cancellable {
        void cancel();
    }
}

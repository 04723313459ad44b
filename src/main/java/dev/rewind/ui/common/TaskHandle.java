package dev.rewind.ui.common;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A submitted {@link BackgroundTask}: ask it to stop, and watch how far it got. The properties change on the UI
 * thread (in tests, on the thread that runs the work).
 */
public final class TaskHandle {
    private final String title;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(true);

    TaskHandle(String title) {
        this.title = title;
    }

    /** Asks the work to stop; it still ends through its success or failure handler. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public String title() {
        return title;
    }

    /** 0..1, or −1 while the amount of work is not known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True until the success or failure handler has run. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    void showProgress(double fraction) {
        progress.set(fraction);
    }

    void showMessage(String text) {
        message.set(text);
    }

    void finished() {
        running.set(false);
    }

    static double fraction(long done, long total) {
        return total <= 0 ? -1 : Math.min(1, Math.max(0, (double) done / total));
    }

    /** A context that updates this handle at once, on the thread the work runs on. */
    TaskContext direct() {
        return new TaskContext() {
            @Override
            public void updateProgress(long done, long total) {
                showProgress(fraction(done, total));
            }

            @Override
            public void updateMessage(String text) {
                showMessage(text);
            }

            @Override
            public boolean isCancelled() {
                return TaskHandle.this.isCancelled();
            }
        };
    }
}

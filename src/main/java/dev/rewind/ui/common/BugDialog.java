package dev.rewind.ui.common;

import javafx.application.Platform;

/**
 * Shows a bug in an event handler on the window's thread like any unexpected failure: one line, the trace behind
 * Details, and logged (through {@link DialogService#showFailure}). If even showing it fails, the handler that was
 * there before gets it, so the trace still reaches stderr.
 */
public final class BugDialog implements Thread.UncaughtExceptionHandler {
    private final DialogService dialogs;
    private final Thread.UncaughtExceptionHandler fallback;

    public BugDialog(DialogService dialogs, Thread.UncaughtExceptionHandler fallback) {
        this.dialogs = dialogs;
        this.fallback = fallback;
    }

    /**
     * Installs a bug dialog on the FX application thread (the caller); returns the handler it replaced, which
     * stays its fallback.
     */
    public static Thread.UncaughtExceptionHandler installOnFxThread(DialogService dialogs) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("install the bug dialog from the FX application thread");
        }
        Thread fx = Thread.currentThread();
        Thread.UncaughtExceptionHandler before = fx.getUncaughtExceptionHandler();
        fx.setUncaughtExceptionHandler(new BugDialog(dialogs, before));
        return before;
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        try {
            dialogs.showFailure("Rewind ran into a bug", e);
        } catch (RuntimeException | LinkageError shown) {
            e.addSuppressed(shown);
            if (fallback != null) {
                fallback.uncaughtException(t, e);
            }
        }
    }
}

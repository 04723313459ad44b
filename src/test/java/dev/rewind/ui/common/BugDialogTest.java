package dev.rewind.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bug dialog shows a bug as an unexpected failure, and hands it on if even that fails. */
class BugDialogTest {
    @Test
    void aBugIsShownAsAnUnexpectedFailureWithItsTrace() {
        RecordingDialogs dialogs = new RecordingDialogs();
        List<Throwable> fellBack = new ArrayList<>();
        new BugDialog(dialogs, (t, e) -> fellBack.add(e))
                .uncaughtException(Thread.currentThread(), new IllegalStateException("a bug"));
        assertThat(dialogs.errors).containsExactly(
                new RecordingDialogs.Error("Rewind ran into a bug", "Unexpected error: IllegalStateException: a bug"));
        assertThat(dialogs.details.get(0)).contains("IllegalStateException: a bug").contains("\tat ");
        assertThat(fellBack).isEmpty();
    }

    @Test
    void whenShowingTheBugFailsTooTheHandlerBeforeGetsItWithThatFailureAttached() {
        IllegalStateException noWindow = new IllegalStateException("no window to show it in");
        // every dialog fails, as when the window is already gone
        DialogService broken = (DialogService) Proxy.newProxyInstance(DialogService.class.getClassLoader(),
                new Class<?>[] {DialogService.class}, (proxy, method, args) -> {
                    throw noWindow;
                });
        List<Throwable> fellBack = new ArrayList<>();
        IllegalStateException bug = new IllegalStateException("a bug");
        new BugDialog(broken, (t, e) -> fellBack.add(e))
                .uncaughtException(Thread.currentThread(), bug);
        assertThat(fellBack).containsExactly(bug);
        assertThat(bug.getSuppressed()).containsExactly(noWindow);
    }
}

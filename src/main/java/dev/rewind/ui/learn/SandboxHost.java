package dev.rewind.ui.learn;

import dev.rewind.service.Services;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;

/** What Learn mode needs from the window: show a sandbox catalog in place of the person's, and go back. */
public interface SandboxHost {
    /**
     * Creates an empty catalog at {@code db}, fills it with {@code fill} on a worker thread and shows it in place
     * of the open catalog, which is closed without being written. Then runs {@code onOpen} (or {@code onFail}).
     */
    void openSandbox(Path db, Consumer<Services> fill, Runnable onOpen, Consumer<Throwable> onFail);

    /** Closes the sandbox and opens again the catalog that was open before the first sandbox. */
    void leaveSandbox();

    /** True while a sandbox is shown; it turns false too when the person opens another catalog. */
    ReadOnlyBooleanProperty sandboxProperty();
}

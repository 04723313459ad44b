package dev.rewind.ui;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A real main window on a fresh demo catalog for each test, closed after it. */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTestBase {
    @TempDir
    Path dir;
    WindowHarness w;

    // TestFX looks for @Start only on the test class itself, so the base sets its stage up here, after it
    @BeforeEach
    void open() throws TimeoutException {
        FxToolkit.setupStage(stage -> w = new WindowHarness(stage, dir.resolve("demo.db")));
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> w.vm.close());
        WaitForAsyncUtils.waitForFxEvents();
    }
}

package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.RotatingLog;
import dev.rewind.ui.actions.FxDialogService;
import dev.rewind.ui.common.BugDialog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A bug in an event handler (here a button's) reaches the FX thread's uncaught-exception handler; with the bug
 * dialog installed, as the window does at start, it is one line with the trace behind Details and in the log.
 */
@ExtendWith(ApplicationExtension.class)
class BugDialogWindowTest {
    @TempDir
    Path dir;
    Stage stage;
    Button buggy;
    final AtomicReference<Thread.UncaughtExceptionHandler> before = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        buggy = new Button("Buggy");
        buggy.setId("buggy");
        buggy.setOnAction(e -> {
            throw new IllegalStateException("a bug in a handler\nsecond line");
        });
        stage.setScene(new Scene(new StackPane(buggy), 320, 200));
        stage.show();
        before.set(BugDialog.installOnFxThread(new FxDialogService(() -> this.stage)));
    }

    @AfterEach
    void restore() {
        // the FX thread outlives this test class: later tests get the handler they had before
        WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().setUncaughtExceptionHandler(before.get()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aBugInAnEventHandlerIsOneLineWithTheTraceBehindDetailsAndInTheLog(FxRobot robot) throws Exception {
        Path log = dir.resolve("rewind.log");
        Logger root = LogManager.getLogManager().getLogger("");
        Handler file = new RotatingLog(log);
        root.addHandler(file);
        try {
            robot.clickOn("#buggy");
            waitUntil(() -> robot.lookup("#error-dialog").tryQuery().isPresent());
        } finally {
            root.removeHandler(file);
        }
        DialogPane pane = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("Rewind ran into a bug");
        assertThat(pane.getContentText()).isEqualTo("Unexpected error: IllegalStateException: a bug in a handler");
        TextArea details = (TextArea) pane.getExpandableContent();
        assertThat(details.getText()).contains("second line").contains("\tat ").contains("BugDialogWindowTest");
        assertThat(pane.isExpanded()).isFalse();
        robot.clickOn(pane.lookup(".details-button"));
        waitUntil(pane::isExpanded);
        assertThat(Files.readString(log)).contains("unexpected error in the window")
                .contains("java.lang.IllegalStateException: a bug in a handler").contains("\tat ");
        WaitForAsyncUtils.asyncFx(() -> ((Stage) pane.getScene().getWindow()).close());
        WaitForAsyncUtils.waitForFxEvents();
    }
}

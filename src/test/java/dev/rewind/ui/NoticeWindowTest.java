package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16 item 8: the "done" notice with its Undo raises no CSS warning, and sits where it covers no working area
 * (the tabs, the timeline, the model list).
 */
class NoticeWindowTest extends WindowTestBase {
    @Test
    void theNoticeOffersUndoWithoutCssWarningsAndCoversNoWorkingArea(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getLoggerName() + ": " + new java.util.logging.SimpleFormatter().formatMessage(r));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = LogManager.getLogManager().getLogger("");
        root.addHandler(capture);
        AtomicInteger undone = new AtomicInteger();
        Node undo;
        try {
            WaitForAsyncUtils.asyncFx(() -> w.dialogs.notifyDone("Rolled back production of fraud-detector: 1.1.0",
                    undone::incrementAndGet));
            waitUntil(() -> robot.lookup("#notice-undo").tryQuery().filter(Node::isVisible).isPresent());
            undo = robot.lookup("#notice-undo").query();
            assertThat(((Button) undo).getText()).isEqualTo("Undo");
            w.screenshot("notice-undo");
        } finally {
            root.removeHandler(capture);
        }
        assertThat(logged).as("what was logged while the notice showed").noneMatch(s -> s.toLowerCase().contains("css"));
        for (String working : List.of("#tabs", "#model-list", "#timeline")) {
            Node area = robot.lookup(working).query();
            Bounds a = area.localToScreen(area.getBoundsInLocal());
            Bounds n = undo.localToScreen(undo.getBoundsInLocal());
            assertThat(a.intersects(n)).as("the notice's Undo over %s", working).isFalse();
        }
        robot.clickOn(undo);
        waitUntil(() -> undone.get() == 1);
        assertThat(robot.lookup("#notice-bar").query().isVisible()).as("the notice goes once used").isFalse();
    }

    @Test
    void undoStaysUnderThePointerWhileTheRestOfTheStatusBarChanges(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        String verified = "Rolled back production of fraud-detector: 2.0.0 → 1.1.0 — verified: current → "
                + "4ef3d14fa985, DEPLOYED.json names event 151, and the post-switch check passed: auc 0.91 ≥ 0.90";
        AtomicInteger undone = new AtomicInteger();
        WaitForAsyncUtils.asyncFx(() -> w.dialogs.notifyDone(verified, undone::incrementAndGet));
        waitUntil(() -> robot.lookup("#notice-undo").tryQuery().filter(Node::isVisible).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node undo = robot.lookup("#notice-undo").query();
        double x = undo.localToScreen(undo.getBoundsInLocal()).getMinX();
        Label message = robot.lookup("#notice-message").query();
        assertThat(message.getText()).as("a long notice shows its start").startsWith("✓ Rolled back production")
                .endsWith("…").hasSizeLessThanOrEqualTo(2 + 72);
        assertThat(undo.getLayoutBounds().getWidth()).as("Undo whole, not squeezed beside it")
                .isGreaterThanOrEqualTo(undo.prefWidth(-1) - 0.5);
        // what a background read or the change watcher does to the status bar meanwhile
        for (String id : List.of("#status", "#status-change", "#status-catalog")) {
            Label l = robot.lookup(id).query();
            WaitForAsyncUtils.asyncFx(() -> {
                l.textProperty().unbind();
                l.setText(l.getText() + " — and a much longer text than it had a moment ago, as a task's message is");
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(undo.localToScreen(undo.getBoundsInLocal()).getMinX()).as("Undo after %s changed", id)
                    .isEqualTo(x);
        }
        robot.clickOn(undo);
        waitUntil(() -> undone.get() == 1);
    }
}

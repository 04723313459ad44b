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
}

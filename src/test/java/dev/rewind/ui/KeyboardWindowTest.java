package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.ModelSummary;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 16 item 7: Tab walks filter → model list → timeline → tabs; the main controls say what they are. */
class KeyboardWindowTest extends WindowTestBase {
    @Test
    void tabWalksFromTheFilterThroughTheListAndTheTimelineToTheTabs(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        robot.clickOn("#model-filter");
        List<String> walked = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            walked.add(describe(w.view.getScene().getFocusOwner()));
        }
        System.out.println("TAB walk: " + walked);
        assertThat(walked.subList(0, 5)).containsExactly("model-list", "tag-button", "move-button", "timeline", "tabs");
    }

    @Test
    void theMainControlsSayWhatTheyAreToAScreenReader(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        ListCell<?> cell = robot.lookup("#model-list .list-cell").<ListCell<?>>match(c ->
                c.getItem() instanceof ModelSummary m && m.name().equals("fraud-detector")).query();
        assertThat(cell.getAccessibleText()).startsWith("fraud-detector, live: production 2.0.0")
                .endsWith("versions");
        for (String id : List.of("#zoom-in", "#zoom-out", "#zoom-fit")) {
            Button b = robot.lookup(id).queryAs(Button.class);
            assertThat(b.getAccessibleText()).as(id).startsWith("Zoom");
            assertThat(b.isFocusTraversable()).as(id + " skipped by Tab (the timeline's keys zoom)").isFalse();
        }
        assertThat(robot.lookup("#details").query().getAccessibleText()).isEqualTo("Details tab");
        waitUntil(() -> w.timeline().getAccessibleText() != null
                && w.timeline().getAccessibleText().startsWith("fraud-detector "));
        robot.clickOn("History");
        waitUntil(() -> robot.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getContent() != null);
        assertThat(robot.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getContent().getAccessibleText()).isEqualTo("History tab");
    }

    private static String describe(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getId() != null) {
                return p.getId();
            }
        }
        return String.valueOf(n);
    }
}

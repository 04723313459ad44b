package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** On a first start (no catalog yet) the window offers the tour, without getting in the way. */
@ExtendWith(ApplicationExtension.class)
class LearnOfferWindowTest {
    @TempDir
    Path dir;
    WindowHarness w;

    @Start
    void start(Stage stage) {
        w = new WindowHarness(stage, dir.resolve("first.db"));
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> w.vm.close());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aFirstStartOffersTheTourWhichOpensTheSandboxAndExitsBack(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        waitUntil(() -> robot.lookup("#tour-offer").query().isVisible());
        assertThat(robot.lookup("#tour-offer .label").queryLabeled().getText()).startsWith("New here? Take the 5-minute tour");
        w.screenshot("learn-offer");
        robot.clickOn("#tour-start");
        waitUntil(() -> w.vm.learn().pageProperty().get() != null && "spam-filter".equals(w.vm.model().modelProperty().get()));
        assertThat(robot.lookup("#tour-offer").query().isVisible()).isFalse();
        assertThat(robot.lookup("#learn-panel").query().isVisible()).isTrue();
        assertThat(robot.lookup("#model-list").tryQuery()).as("the one-model list gives way to the panel").isEmpty();
        WaitForAsyncUtils.asyncFx(() -> w.vm.darkProperty().set(true));
        w.screenshot("learn-dark");
        WaitForAsyncUtils.asyncFx(() -> w.vm.darkProperty().set(false));
        robot.clickOn("#learn-exit");
        waitUntil(() -> w.vm.catalogPathProperty().get().endsWith("first.db") && w.vm.models().size() >= 4);
        assertThat(robot.lookup("#learn-panel").query().isVisible()).isFalse();
        assertThat(robot.lookup("#model-list").tryQuery()).isPresent();
        assertThat(robot.lookup("#tour-offer").query().isVisible()).as("offered once").isFalse();
    }

    @Test
    void theOfferCanBeDismissed(FxRobot robot) {
        waitUntil(() -> robot.lookup("#tour-offer").query().isVisible());
        robot.clickOn("#tour-dismiss");
        assertThat(robot.lookup("#tour-offer").query().isVisible()).isFalse();
        assertThat(w.vm.learn().activeProperty().get()).isFalse();
    }
}

package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.Event;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.ModelSummary;
import dev.rewind.service.LearnScenario;
import dev.rewind.service.LearnScenarioLoader;
import dev.rewind.support.CliRun;
import dev.rewind.ui.common.ManualScheduler;
import dev.rewind.ui.learn.LearnViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Learn mode clicked through in the real window, over a catalog of the person's own that must stay untouched. */
@ExtendWith(ApplicationExtension.class)
class LearnWindowTest {
    private static final LearnScenario SCENARIO = LearnScenarioLoader.shipped();

    @TempDir
    Path dir;
    WindowHarness w;
    // the monitor ticks when the test says so, not every 500 ms of real time
    final ManualScheduler scheduler = new ManualScheduler(Instant.now());
    Path mine;
    byte[] before;

    @Start
    void start(Stage stage) throws Exception {
        mine = dir.resolve("mine.db");
        assertThat(new CliRun(mine).run("demo").code()).isZero();
        before = Files.readAllBytes(mine);
        w = new WindowHarness(stage, mine, scheduler);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> w.vm.close());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private LearnViewModel learn() {
        return w.vm.learn();
    }

    @Test
    void walksTheWholeStoryByClickingThenTheSecondRunTheQuizAndBack(FxRobot robot) throws Exception {
        w.showModel(robot, "fraud-detector");
        assertThat(robot.lookup("#tour-offer").query().isVisible()).as("not a first start: no offer").isFalse();
        robot.clickOn("#tab-learn");
        robot.clickOn("#learn-start");
        Path sandbox = waitForSandbox();
        assertThat(sandbox.toString()).contains("rewind-learn-");
        assertThat(w.vm.models()).extracting(ModelSummary::name).containsExactly("spam-filter");
        assertThat(w.live("production")).isEqualTo("2.0.0");

        expectStep(robot, "Step 1 of 7", "Meet the model");
        w.clickVersion(robot, "1.0.0", MouseButton.PRIMARY);
        assertThat(nextButton(robot).isDisabled()).as("1.1.0 not visited yet").isTrue();
        assertThat(robot.lookup("#learn-status").queryLabeled().getText()).startsWith("○ Waiting");
        w.clickVersion(robot, "1.1.0", MouseButton.PRIMARY);
        passed(robot, "immutable snapshot");
        w.screenshot("learn-1-meet");
        robot.clickOn("#learn-next");

        expectStep(robot, "Step 2 of 7", "Something is wrong in production");
        tickMonitor(12);
        passed(robot, "climbing past the alert line");
        assertThat(robot.lookup("#learn-monitor-now").queryLabeled().getText()).contains("production serves 2.0.0");
        LineChart<?, ?> chart = robot.lookup("#learn-monitor-chart").queryAs(LineChart.class);
        assertThat(chart.getData().get(0).getData()).hasSizeGreaterThan(7);
        w.screenshot("learn-2-monitor");
        robot.clickOn("#learn-next");

        expectStep(robot, "Step 3 of 7", "Find the last good version");
        w.clickVersion(robot, "1.1.0", MouseButton.PRIMARY);
        w.ctrlClickVersion(robot, "2.0.0");
        assertThat(nextButton(robot).isDisabled()).as("the Compare tab is not open yet").isTrue();
        robot.clickOn("#tab-compare");
        passed(robot, "The last good version is 1.1.0");
        w.screenshot("learn-3-compare");
        robot.clickOn("#learn-next");

        expectStep(robot, "Step 4 of 7", "Roll production back");
        openMoveDialog(robot, "1.1.0");
        assertThat(robot.lookup("#move-to").queryLabeled().getText()).isEqualTo("1.1.0");
        robot.clickOn("#move-reason").write("Error rate climbing past 5% since 2.0.0 went live");
        robot.clickOn("#move-confirm-name").write("production");
        w.screenshot("learn-4-rollback-dialog", robot.lookup("#move-dialog").query());
        robot.clickOn("#move-confirm");
        passed(robot, "Production now serves 1.1.0");
        assertThat(w.live("production")).isEqualTo("1.1.0");
        assertThat(Files.readString(sandbox.resolveSibling("serving/spam-filter/production/current")))
                .startsWith("rewind learn sandbox: spam-filter 1.1.0");
        robot.clickOn("#learn-next");

        expectStep(robot, "Step 5 of 7", "Watch it recover");
        tickMonitor(8);
        passed(robot, "drops back");
        assertThat(robot.lookup("#learn-monitor-now").queryLabeled().getText()).contains("production serves 1.1.0");
        w.screenshot("learn-5-recovered");
        robot.clickOn("#learn-next");

        expectStep(robot, "Step 6 of 7", "Mark 2.0.0 as failed");
        w.clickVersion(robot, "2.0.0", MouseButton.SECONDARY);
        waitUntil(() -> robot.lookup("#ctx-tag").tryQuery().isPresent());
        robot.clickOn(menuItem(robot, "ctx-tag"), MouseButton.PRIMARY);
        waitUntil(() -> robot.lookup("#tag-dialog").tryQuery().isPresent());
        robot.clickOn("#tag-key").write("failed");
        robot.type(KeyCode.TAB, KeyCode.TAB); // over the value field to the reason, closing the completion popup
        robot.write("Error rate doubled on live traffic");
        robot.clickOn("#tag-confirm");
        passed(robot, "red 'failed' chip");
        robot.clickOn("#learn-next");

        expectStep(robot, "Step 7 of 7", "Read the history");
        robot.clickOn("#tab-history");
        passed(robot, "Every change is there");
        TableView<Event> history = robot.lookup("#history-table").queryTableView();
        List<Event> events = history.getItems();
        assertThat(events.get(0).kind()).isEqualTo(EventKind.TAG);
        assertThat(events.get(0).tagKey()).isEqualTo("failed");
        assertThat(events.get(0).version()).isEqualTo("2.0.0");
        assertThat(events.get(0).reason()).isEqualTo("Error rate doubled on live traffic");
        assertThat(events.get(1).kind()).isEqualTo(EventKind.ROLLBACK);
        assertThat(events.get(1).fromVersion()).isEqualTo("2.0.0");
        assertThat(events.get(1).toVersion()).isEqualTo("1.1.0");
        assertThat(events.get(1).reason()).isEqualTo("Error rate climbing past 5% since 2.0.0 went live");
        assertThat(events).filteredOn(e -> e.kind() == EventKind.DEPLOY).hasSize(6);
        w.screenshot("learn-7-history");
        robot.clickOn("#learn-next");

        Path second = waitForSandbox();
        assertThat(second).isNotEqualTo(sandbox);
        expectStep(robot, "Second run · step 1 of 2", "Again: 2.0.0 is failing");
        assertThat(backButton(robot).isDisabled()).as("the first run's sandbox is closed").isTrue();
        tickMonitor(12);
        passed(robot, "Same failure");
        robot.clickOn("#learn-next");

        expectStep(robot, "Second run · step 2 of 2", "Try the rollback");
        openMoveDialog(robot, "1.1.0");
        Label blocker = robot.lookup("#move-blocker").queryAs(Label.class);
        assertThat(blocker.isVisible()).isTrue();
        assertThat(blocker.getText()).startsWith("Cannot switch to 1.1.0").contains("was altered");
        robot.clickOn("#move-reason").write("try to go back");
        robot.clickOn("#move-confirm-name").write("production");
        assertThat(robot.lookup("#move-confirm").queryButton().isDisabled()).isTrue();
        w.screenshot("learn-9-refused-dialog", robot.lookup("#move-dialog").query());
        robot.clickOn("Cancel");
        passed(robot, "The rollback is impossible");
        assertThat(w.live("production")).isEqualTo("2.0.0");
        w.screenshot("learn-9-refused");
        waitUntil(() -> robot.lookup("#move-dialog").tryQuery().isEmpty());
        robot.clickOn("#learn-next");

        for (int q = 0; q < SCENARIO.quiz().size(); q++) {
            LearnScenario.Question question = SCENARIO.quiz().get(q);
            String progress = "Question " + (q + 1) + " of 6";
            // the quiz page replaces the step page on the FX thread: wait for it, not only for its first option
            waitUntil(() -> robot.lookup("#quiz-option-0").tryQuery().isPresent()
                    && progress.equals(robot.lookup("#learn-progress").queryLabeled().getText()));
            assertThat(robot.lookup("#learn-progress").queryLabeled().getText()).isEqualTo(progress);
            assertThat(robot.lookup("#learn-title").queryLabeled().getText()).isEqualTo(question.question());
            assertThat(nextButton(robot).isDisabled()).isTrue();
            int choice = q == 0 ? (question.answer() + 1) % question.options().size() : question.answer();
            robot.clickOn("#quiz-option-" + choice);
            String feedback = robot.lookup("#quiz-feedback").queryLabeled().getText();
            assertThat(feedback).endsWith(question.explanation());
            assertThat(feedback).startsWith(q == 0 ? "Not quite — the answer is: " + question.options().get(question.answer())
                    : "Right.");
            assertThat(robot.lookup("#quiz-feedback").queryLabeled().getStyleClass()).as("the box matches the answer")
                    .contains(q == 0 ? "rw-learn-wrong" : "rw-learn-explanation")
                    .doesNotContain(q == 0 ? "rw-learn-explanation" : "rw-learn-wrong");
            if (q == 0) {
                w.screenshot("learn-quiz-wrong");
                robot.clickOn("#quiz-option-" + question.answer());
                assertThat(learn().quiz().scoreProperty().get()).as("the first answer counts").isZero();
            }
            assertThat(nextButton(robot).isDisabled()).isFalse();
            robot.clickOn("#learn-next");
        }
        assertThat(robot.lookup("#learn-title").queryLabeled().getText()).isEqualTo("Your score");
        assertThat(robot.lookup("#learn-instruction").queryLabeled().getText())
                .startsWith("You answered 5 of 6 questions correctly.");
        w.screenshot("learn-score");

        robot.clickOn("#learn-exit");
        waitForMyCatalog();
        assertThat(robot.lookup("#learn-panel").query().isVisible()).isFalse();
        waitUntil(() -> !Files.exists(sandbox.getParent()) && !Files.exists(second.getParent()));
        assertThat(Files.readAllBytes(mine)).as("the person's catalog, byte for byte").isEqualTo(before);
    }

    @Test
    void theUsersCatalogIsByteForByteUnchangedAfterALearnSession(FxRobot robot) throws Exception {
        w.showModel(robot, "churn-predictor");
        javafx.scene.layout.Region list = robot.lookup("#model-list").queryAs(javafx.scene.layout.Region.class);
        double listWidth = list.getWidth();
        robot.clickOn("Help");
        robot.clickOn("#menu-learn");
        waitForSandbox();
        openMoveDialog(robot, "1.1.0");
        robot.clickOn("#move-reason").write("a write in the sandbox");
        robot.clickOn("#move-confirm-name").write("production");
        robot.clickOn("#move-confirm");
        waitUntil(() -> "1.1.0".equals(w.live("production")));
        robot.clickOn("#learn-exit");
        waitForMyCatalog();
        assertThat(w.vm.model().modelProperty().get()).as("back on the model shown before").isEqualTo("churn-predictor");
        waitUntil(() -> robot.lookup("#model-list").tryQuery().isPresent());
        assertThat(robot.lookup("#model-list").queryAs(javafx.scene.layout.Region.class).getWidth())
                .as("the model list as wide as before the tour").isCloseTo(listWidth, org.assertj.core.data.Offset.offset(2.0));
        assertThat(w.live("production")).isNotEqualTo("1.1.0");
        assertThat(Files.readAllBytes(mine)).isEqualTo(before);
        WaitForAsyncUtils.asyncFx(() -> w.vm.close());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readAllBytes(mine)).as("and after closing it").isEqualTo(before);
    }

    /** Waits until a sandbox is shown with the story's model drawn; returns the sandbox catalog's path. */
    private Path waitForSandbox() {
        waitUntil(() -> learn().activeProperty().get() && learn().busyProperty().get().isEmpty()
                && learn().pageProperty().get() != null
                && w.vm.catalogPathProperty().get().startsWith("Learn sandbox (temporary): ")
                && "spam-filter".equals(w.vm.model().modelProperty().get())
                && !w.vm.model().loadingProperty().get()
                && w.timeline().getData().versions().size() == 3
                && w.timeline().positionOf("1.0.0") != null);
        return Path.of(w.vm.catalogPathProperty().get().substring("Learn sandbox (temporary): ".length()));
    }

    private void waitForMyCatalog() {
        waitUntil(() -> w.vm.catalogPathProperty().get().equals(mine.toString())
                && w.vm.models().size() >= 4 && !w.vm.model().loadingProperty().get());
    }

    /** Lets {@code ticks} ticks of the monitor's timer pass, on the FX thread. */
    private void tickMonitor(int ticks) {
        WaitForAsyncUtils.asyncFx(() -> scheduler.advance(Duration.ofMillis(SCENARIO.monitor().tickMillis() * ticks)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void expectStep(FxRobot robot, String progress, String title) {
        waitUntil(() -> title.equals(robot.lookup("#learn-title").queryLabeled().getText()));
        assertThat(robot.lookup("#learn-progress").queryLabeled().getText()).isEqualTo(progress);
        assertThat(nextButton(robot).isDisabled()).as("Next waits for the step").isTrue();
    }

    /** Waits for the step's check: the status turns green, the explanation shows, Next opens. */
    private void passed(FxRobot robot, String explains) {
        waitUntil(() -> learn().passedProperty().get());
        Label status = robot.lookup("#learn-status").queryAs(Label.class);
        assertThat(status.getText()).startsWith("✓ Done");
        assertThat(status.getStyleClass()).contains("rw-learn-passed");
        Label explanation = robot.lookup("#learn-explanation").queryAs(Label.class);
        assertThat(explanation.isVisible()).isTrue();
        assertThat(explanation.getText()).contains(explains);
        assertThat(nextButton(robot).isDisabled()).isFalse();
    }

    private void openMoveDialog(FxRobot robot, String label) {
        w.clickVersion(robot, label, MouseButton.SECONDARY);
        waitUntil(() -> robot.lookup("#ctx-move-production").tryQuery().isPresent());
        robot.clickOn(menuItem(robot, "ctx-move-production"), MouseButton.PRIMARY);
        waitUntil(() -> robot.lookup("#move-dialog").tryQuery().isPresent());
    }

    private static Node menuItem(FxRobot robot, String id) {
        return robot.lookup(n -> n.getStyleClass().contains("menu-item") && id.equals(n.getId())).query();
    }

    private static Button nextButton(FxRobot robot) {
        return robot.lookup("#learn-next").queryButton();
    }

    private static Button backButton(FxRobot robot) {
        return robot.lookup("#learn-back").queryButton();
    }
}

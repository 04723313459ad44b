package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.Event;
import dev.rewind.domain.MoveOverride;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The move dialog under the move policy: override boxes, typed names of protected targets, guards, conflicts. */
class MoveDialogWindowTest extends WindowTestBase {

    @Test
    void aFailedVersionCannotBeDeployedUntilItsOverrideIsTickedAndTheEventRecordsIt(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        assertThat(cli("tag", "fraud-detector", "1.0.0", "failed", "--reason", "leaked labels").code()).isZero();
        waitUntil(() -> w.timeline().getData().versions().stream().anyMatch(v -> v.label().equals("1.0.0") && v.failed()));

        openMoveDialog(robot, "1.0.0", "staging");
        robot.clickOn("#move-reason").write("reproduce the leak in staging");
        CheckBox box = robot.lookup("#move-override-failed_version").queryAs(CheckBox.class);
        assertThat(box.getText()).isEqualTo("Deploy although 1.0.0 is tagged failed");
        assertThat(box.isSelected()).as("off by default").isFalse();
        assertThat(confirm(robot).isDisabled()).as("impossible until the box is ticked").isTrue();
        robot.clickOn(box);
        assertThat(confirm(robot).isDisabled()).isFalse();
        w.screenshot("override-dialog", robot.lookup("#move-dialog").query());
        robot.clickOn("#move-confirm");
        waitUntil(() -> "1.0.0".equals(w.live("staging")));
        waitUntil(() -> w.vm.model().events().get(0).toVersion() != null
                && w.vm.model().events().get(0).toVersion().equals("1.0.0"));
        Event newest = w.vm.model().events().get(0);
        assertThat(newest.overrides()).containsExactly(MoveOverride.FAILED_VERSION);
        assertThat(newest.reason()).isEqualTo("reproduce the leak in staging");
    }

    @Test
    void aProtectedTargetNamedProdAsksForItsTypedName(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        assertThat(cli("target", "add", "fraud-detector", "prod", "--protected").code()).isZero();
        waitUntil(() -> w.vm.model().targets().stream().anyMatch(t -> t.name().equals("prod")));

        openMoveDialog(robot, "1.1.0", "prod");
        robot.clickOn("#move-reason").write("first deploy to prod");
        assertThat(confirm(robot).isDisabled()).as("prod is protected: its name must be typed").isTrue();
        robot.clickOn("#move-confirm-name").write("pro");
        assertThat(confirm(robot).isDisabled()).isTrue();
        robot.write("d");
        assertThat(confirm(robot).isDisabled()).isFalse();
        robot.clickOn("#move-confirm");
        waitUntil(() -> w.vm.model().targets().stream()
                .anyMatch(t -> t.name().equals("prod") && "1.1.0".equals(t.liveVersion())));
    }

    @Test
    void aMetricGuardFailureIsShownWithTheNumbers(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        assertThat(cli("target", "guard", "fraud-detector", "staging", "--min", "auc=0.94").code()).isZero();
        openMoveDialog(robot, "1.1.0", "staging");
        CheckBox box = robot.lookup("#move-override-guard").queryAs(CheckBox.class);
        assertThat(box.getText()).isEqualTo("Roll back although a metric guard fails: auc 0.925 is 0.015 below the minimum 0.94");
        robot.clickOn("#move-reason").write("need the old one");
        assertThat(confirm(robot).isDisabled()).isTrue();
        w.screenshot("guard-dialog", robot.lookup("#move-dialog").query());
        robot.clickOn("Cancel");
    }

    @Test
    void aTargetMovedByAnotherProcessWhileTheDialogIsOpenShowsTheConflictAndChangesNothing(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        openMoveDialog(robot, "1.1.0", "staging");
        robot.clickOn("#move-reason").write("roll staging back");
        assertThat(cli("deploy", "fraud-detector", "staging", "1.0.0", "--reason", "another process").code()).isZero();
        String before = CatalogDump.of(w.db);
        robot.clickOn("#move-confirm");
        waitUntil(() -> robot.lookup("Someone moved the target first").tryQuery().isPresent());
        assertThat(CatalogDump.of(w.db)).as("the conflict changed nothing").isEqualTo(before);
        assertThat(w.live("staging")).isEqualTo("1.0.0");
        robot.clickOn("OK");
    }

    @Test
    void aTargetWithoutServingDirectorySaysTheMoveIsRecordedOnly(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        openMoveDialog(robot, "1.1.0", "staging");
        var line = robot.lookup("#move-recorded-only").queryLabeled();
        assertThat(line.isVisible()).isTrue();
        assertThat(line.getText()).contains("Recorded only").contains("nothing outside Rewind will change");
        robot.clickOn("Cancel");
        waitUntil(() -> robot.lookup("#move-dialog").tryQuery().isEmpty());
        openMoveDialog(robot, "1.1.0", "production");
        assertThat(robot.lookup("#move-recorded-only").queryLabeled().isVisible())
                .as("production switches its serving directory").isFalse();
        robot.clickOn("Cancel");
    }

    @Test
    void theServingDirChangeIsShownAndTheCopyButtonPutsItOnTheClipboard(FxRobot robot) throws Exception {
        w.showModel(robot, "fraud-detector");
        openMoveDialog(robot, "1.1.0", "production");
        var shown = robot.lookup("#move-native").queryLabeled();
        assertThat(robot.lookup("#move-native-row").query().isVisible()).isTrue();
        assertThat(shown.getText()).startsWith("ln -sfn ").contains("/current");
        robot.clickOn("#move-native-copy");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).isEqualTo(shown.getText());
        assertThat(robot.lookup("#move-native-copy").queryButton().getText()).isEqualTo("Copied");
        robot.clickOn("Cancel");
        waitUntil(() -> robot.lookup("#move-dialog").tryQuery().isEmpty());
        openMoveDialog(robot, "1.1.0", "staging");
        assertThat(robot.lookup("#move-native-row").query().isVisible()).as("staging is recorded only").isFalse();
        robot.clickOn("Cancel");
    }

    @Test
    void theMenuNamesTheSuggestedRollback(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        w.clickVersion(robot, "2.0.0", MouseButton.SECONDARY);
        waitUntil(() -> robot.lookup("#ctx-move-suggested-production").tryQuery().isPresent());
        Node item = menuItem(robot, "ctx-move-suggested-production");
        assertThat(((MenuItem) item.getProperties().get(MenuItem.class)).getText())
                .isEqualTo("Roll back production to 1.1.0 (last stable)…");
        robot.clickOn(item, MouseButton.PRIMARY);
        waitUntil(() -> robot.lookup("#move-dialog").tryQuery().isPresent());
        assertThat(robot.lookup("#move-to").queryLabeled().getText()).isEqualTo("1.1.0");
        robot.clickOn("Cancel");
    }

    @Test
    void enterNeverCancelsItSaysWhatIsMissingAndEscapeCancels(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        String before = CatalogDump.of(w.db);
        openMoveDialog(robot, "1.1.0", "staging");
        DialogPane pane = robot.lookup("#move-dialog").queryAs(DialogPane.class);
        assertThat(((Region) pane.getContent()).getPadding().getLeft()).as("content padded").isGreaterThanOrEqualTo(12);
        TableView<?> deltas = robot.lookup("#move-deltas").queryAs(TableView.class);
        assertThat(deltas.getItems()).isNotEmpty();
        assertThat(deltas.getItems()).hasSizeLessThanOrEqualTo(10);
        assertThat(deltas.lookupAll(".scroll-bar")).as("every metric row whole: nothing to scroll")
                .noneMatch(n -> n.isVisible() && ((javafx.scene.control.ScrollBar) n).getOrientation()
                        == javafx.geometry.Orientation.VERTICAL);
        assertThat(confirm(robot).isDefaultButton()).as("disabled, so not the default").isFalse();

        robot.clickOn("#move-reason").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#move-dialog").tryQuery()).as("Enter did not cancel").isPresent();
        assertThat(robot.lookup("#move-missing").queryLabeled().getText()).contains("reason");

        robot.write("back to the known good one");
        assertThat(confirm(robot).isDefaultButton()).as("enabled: Enter confirms").isTrue();
        assertThat(robot.lookup("#move-missing").queryLabeled().isVisible()).isFalse();
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#move-dialog").tryQuery().isEmpty());
        assertThat(CatalogDump.of(w.db)).as("Escape cancelled: nothing recorded").isEqualTo(before);
    }

    @Test
    void enterConfirmsAMoveThatCanBeMade(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        openMoveDialog(robot, "1.1.0", "staging");
        robot.clickOn("#move-reason").write("back to 1.1.0 by keyboard").type(KeyCode.ENTER);
        waitUntil(() -> "1.1.0".equals(w.live("staging")));
    }

    @Test
    void shiftF10AndTheMenuKeyOpenTheMenuOfTheSelectedVersion(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        w.clickVersion(robot, "1.1.0", MouseButton.PRIMARY);
        assertThat(w.timeline().getAccessibleText()).as("what a screen reader hears of the focused version")
                .startsWith("fraud-detector 1.1.0, tagged stable");
        assertThat(w.timeline().getAccessibleRoleDescription()).isEqualTo("version timeline");
        assertThat(robot.lookup("#ctx-move-production").tryQuery()).isEmpty();
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        waitUntil(() -> robot.lookup("#ctx-move-production").tryQuery().isPresent());
        assertThat(((MenuItem) menuItem(robot, "ctx-move-production").getProperties().get(MenuItem.class)).getText())
                .isEqualTo("Roll back production to 1.1.0…");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#ctx-move-production").tryQuery().isEmpty());
        robot.type(KeyCode.CONTEXT_MENU);
        waitUntil(() -> robot.lookup("#ctx-move-production").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
    }

    private CliRun.Result cli(String... args) {
        return new CliRun(w.db).run(args);
    }

    private void openMoveDialog(FxRobot robot, String label, String target) {
        w.clickVersion(robot, label, MouseButton.SECONDARY);
        waitUntil(() -> robot.lookup("#ctx-move-" + target).tryQuery().isPresent());
        robot.clickOn(menuItem(robot, "ctx-move-" + target), MouseButton.PRIMARY);
        waitUntil(() -> robot.lookup("#move-dialog").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Node menuItem(FxRobot robot, String id) {
        return robot.lookup(n -> n.getStyleClass().contains("menu-item") && id.equals(n.getId())).query();
    }

    private static Button confirm(FxRobot robot) {
        return robot.lookup("#move-confirm").queryButton();
    }
}

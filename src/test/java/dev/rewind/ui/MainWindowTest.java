package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.Event;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.MetricDelta;
import dev.rewind.domain.ModelSummary;
import dev.rewind.domain.Version;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The main window, clicked through as a person would, on a fresh demo catalog for each test. */
class MainWindowTest extends WindowTestBase {
    @Test
    void opensTheDemoListsModelsAndDrawsTheSelectedModelsVersions(FxRobot robot) {
        waitUntil(() -> w.vm.models().size() >= 4);
        assertThat(w.vm.models()).extracting(ModelSummary::name)
                .contains("fraud-detector", "churn-predictor", "image-classifier", "search-ranker");
        assertThat(robot.lookup("#status-catalog").queryLabeled().getText()).endsWith("demo.db");
        w.showModel(robot, "fraud-detector");
        assertThat(w.timeline().getData().versions()).extracting(Version::label).containsExactly("1.0.0", "1.1.0", "2.0.0");
        assertThat(w.timeline().getData().lanes()).extracting(l -> l.target()).containsExactly("production", "staging");
        // the window starts on what production serves
        waitUntil(() -> robot.lookup("#details-title").tryQuery().isPresent());
        assertThat(robot.lookup("#details-title").queryLabeled().getText()).isEqualTo("fraud-detector 2.0.0");
        w.screenshot("main-window");

        robot.clickOn("#model-filter").write("churn");
        waitUntil(() -> w.vm.models().size() == 1);
        assertThat(w.vm.models().get(0).name()).isEqualTo("churn-predictor");
    }

    @Test
    void theZoomButtonsSayWhatTheyDoAndTheirKeyWhenHovered(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        Button zoomIn = robot.lookup("#zoom-in").queryButton();
        assertThat(zoomIn.getTooltip()).as("made when first wanted").isNull();
        robot.moveTo(zoomIn).moveBy(2, 1);
        waitUntil(() -> zoomIn.getTooltip() != null);
        assertThat(zoomIn.getTooltip().getText()).isEqualTo("Zoom in (on the timeline: +)");
        waitUntil(() -> zoomIn.getTooltip().isShowing());
        robot.moveTo("#model-title");
        assertThat(robot.lookup("#zoom-fit").queryButton().getAccessibleText()).isEqualTo("Zoom to fit");
    }

    @Test
    void clickingAndKeysMoveTheSelection(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        w.clickVersion(robot, "1.0.0", MouseButton.PRIMARY);
        assertThat(w.timeline().currentProperty().get().label()).isEqualTo("1.0.0");
        assertThat(robot.lookup("#details-title").queryLabeled().getText()).isEqualTo("fraud-detector 1.0.0");
        robot.type(KeyCode.RIGHT);
        assertThat(w.timeline().currentProperty().get().label()).isEqualTo("1.1.0");
        robot.press(KeyCode.CONTROL);
        try {
            w.clickVersion(robot, "2.0.0", MouseButton.PRIMARY);
        } finally {
            robot.release(KeyCode.CONTROL);
        }
        assertThat(w.vm.model().selection()).extracting(Version::label).containsExactly("1.1.0", "2.0.0");
    }

    @Test
    void rollbackThroughTheContextMenuCancelChangesNothingConfirmMovesAndRecords(FxRobot robot) throws Exception {
        w.showModel(robot, "fraud-detector");
        String before = CatalogDump.of(w.db);

        openMoveDialog(robot, "1.1.0");
        assertThat(robot.lookup("#move-from").queryLabeled().getText()).isEqualTo("2.0.0");
        assertThat(robot.lookup("#move-to").queryLabeled().getText()).isEqualTo("1.1.0");
        TableView<MetricDelta> deltas = robot.lookup("#move-deltas").queryTableView();
        MetricDelta auc = deltas.getItems().stream().filter(d -> d.key().equals("auc")).findFirst().orElseThrow();
        assertThat(auc.baseline()).isEqualTo(0.951);
        assertThat(auc.candidate()).isEqualTo(0.925);
        assertThat(auc.verdict()).isEqualTo(MetricDelta.Verdict.WORSE);
        assertThat(deltaCellClasses(robot, "−0.026")).contains("rw-worse");
        assertThat(deltaCellClasses(robot, "−19")).contains("rw-better"); // latency 31 → 12 ms, lower is better
        Button confirm = robot.lookup("#move-confirm").queryButton();
        assertThat(confirm.getText()).isEqualTo("Roll back production to 1.1.0");
        assertThat(confirm.isDisabled()).as("a reason is required").isTrue();
        w.screenshot("rollback-dialog", robot.lookup("#move-dialog").query());
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(CatalogDump.of(w.db)).as("cancel changes nothing").isEqualTo(before);

        openMoveDialog(robot, "1.1.0");
        robot.clickOn("#move-reason").write("FPR tripled on live traffic");
        assertThat(confirm(robot).isDisabled()).as("production needs its name typed").isTrue();
        robot.clickOn("#move-confirm-name").write("production");
        assertThat(confirm(robot).isDisabled()).isFalse();
        robot.clickOn("#move-confirm");
        waitUntil(() -> "1.1.0".equals(w.live("production")));
        Event newest = w.vm.model().events().get(0);
        assertThat(newest.kind()).isEqualTo(EventKind.ROLLBACK);
        assertThat(newest.fromVersion()).isEqualTo("2.0.0");
        assertThat(newest.toVersion()).isEqualTo("1.1.0");
        assertThat(newest.reason()).isEqualTo("FPR tripled on live traffic");
        Path current = w.db.resolveSibling("serving/fraud-detector/production/current");
        assertThat(new String(Files.readAllBytes(current), java.nio.charset.StandardCharsets.ISO_8859_1))
                .startsWith("rewind demo artifact: fraud-detector 1.1.0");
        w.screenshot("after-rollback");
    }

    @Test
    void undoRollsForwardAsARecordedDeploy(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        openMoveDialog(robot, "1.1.0");
        robot.clickOn("#move-reason").write("bad live metrics");
        robot.clickOn("#move-confirm-name").write("production");
        robot.clickOn("#move-confirm");
        waitUntil(() -> "1.1.0".equals(w.live("production")));
        // the notice's Undo once it shows, laid out (the button exists, hidden, before any notice)
        waitUntil(() -> robot.lookup("#notice-undo").match(MainWindowTest::showing).tryQuery().isPresent());
        Node undo = robot.lookup("#notice-undo").match(MainWindowTest::showing).query();
        robot.clickOn(undo, MouseButton.PRIMARY);
        try {
            waitUntil(() -> "2.0.0".equals(w.live("production")));
        } catch (AssertionError e) {
            // what was on the screen instead: a dialog the undo opened, a notice
            throw new AssertionError("production serves " + w.live("production") + " after Undo; windows: "
                    + javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing)
                    .map(x -> x instanceof javafx.stage.Stage st ? st.getTitle() : x.getClass().getSimpleName())
                    .toList() + "; notice: " + robot.lookup("#notice-message").tryQuery()
                    .map(n -> ((Label) n).getText()).orElse("none"), e);
        }
        Event newest = w.vm.model().events().get(0);
        assertThat(newest.kind()).isEqualTo(EventKind.DEPLOY);
        assertThat(newest.fromVersion()).isEqualTo("1.1.0");
        assertThat(newest.toVersion()).isEqualTo("2.0.0");
        assertThat(newest.reason()).startsWith("Undo of event");
    }

    /** Visible, with every parent visible, in a window that shows. */
    private static boolean showing(Node n) {
        if (n.getScene() == null || n.getScene().getWindow() == null || !n.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aTargetServingAFailedVersionIsFlaggedInTheModelList(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        String live = w.live("production");
        assertThat(robot.lookup(".rw-model-failed-live").<javafx.scene.Node>queryAll()).as("nothing flagged yet")
                .noneMatch(javafx.scene.Node::isVisible);
        assertThat(new CliRun(w.db).run("tag", "fraud-detector", live, "failed", "--reason", "bad in prod").code()).isZero();
        waitUntil(() -> robot.lookup(".rw-model-failed-live").<javafx.scene.Node>queryAll().stream().anyMatch(javafx.scene.Node::isVisible));
        assertThat(robot.lookup(".rw-model-failed-live").<javafx.scene.Node>queryAll().stream().filter(javafx.scene.Node::isVisible)
                .map(n -> ((javafx.scene.control.Label) n).getText()))
                .containsExactly("⚠ production serves failed " + live + " · staging serves failed " + live + " · 3 versions");
        waitUntil(() -> w.timeline().lastLayout().lanes().stream().anyMatch(l -> l.servesFailed()));
        assertModelCellsFitOneHeight(robot);
        // the sidebar cuts the warning short; hovering it shows it whole
        Label warning = (Label) robot.lookup(".rw-model-failed-live").<Node>queryAll().stream().filter(Node::isVisible)
                .findFirst().orElseThrow();
        robot.moveTo(warning);
        waitUntil(() -> warning.getTooltip() != null && warning.getTooltip().isShowing());
        assertThat(warning.getTooltip().getText()).isEqualTo(warning.getText());
        javafx.scene.control.ListCell<?> cell = robot.lookup("#model-list .list-cell").<javafx.scene.control.ListCell<?>>match(c ->
                c.getItem() instanceof ModelSummary m && m.name().equals("fraud-detector")).query();
        assertThat(cell.getAccessibleText()).as("said first to a screen reader too").isEqualTo("fraud-detector, warning: "
                + "production serves failed " + live + ", staging serves failed " + live + ", 3 versions");
    }

    /** Every model cell is as high as the list's fixed cell size, and its two lines fit in it (none clipped). */
    private static void assertModelCellsFitOneHeight(FxRobot robot) {
        javafx.scene.control.ListView<?> list = robot.lookup("#model-list").queryAs(javafx.scene.control.ListView.class);
        double fixed = list.getFixedCellSize();
        assertThat(fixed).as("one height for every cell: the list never measures them").isGreaterThan(20);
        List<javafx.scene.control.ListCell<?>> cells = robot.lookup("#model-list .list-cell").<javafx.scene.control.ListCell<?>>queryAll()
                .stream().filter(c -> c.getGraphic() != null && c.isVisible()).toList();
        assertThat(cells).as("cells showing models").hasSizeGreaterThanOrEqualTo(4);
        for (javafx.scene.control.ListCell<?> cell : cells) {
            javafx.scene.layout.Region box = (javafx.scene.layout.Region) cell.getGraphic();
            double needed = box.prefHeight(-1) + cell.snappedTopInset() + cell.snappedBottomInset();
            assertThat(cell.getHeight()).as("height of %s", cell.getAccessibleText()).isEqualTo(fixed, org.assertj.core.data.Offset.offset(0.5));
            assertThat(needed).as("what %s needs (its lines, its padding)", cell.getAccessibleText()).isLessThanOrEqualTo(fixed + 0.5);
            assertThat(((javafx.scene.control.Label) ((javafx.scene.layout.VBox) box).getChildren().get(1)).getText())
                    .as("the second line of %s", cell.getAccessibleText()).endsWith("versions");
        }
    }

    @Test
    void tagDialogAddsATagShownAsAChip(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        w.clickVersion(robot, "1.0.0", MouseButton.PRIMARY);
        robot.clickOn("#tag-button");
        robot.clickOn("#tag-key").write("failed");
        // the completion popup may or may not be up and may take the first Tab: leave the key, then click the reason
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#tag-reason").write("leaks labels");
        assertThat(robot.lookup("#tag-key").queryTextInputControl().getText()).isEqualTo("failed");
        robot.clickOn("#tag-confirm");
        waitUntil(() -> w.timeline().getData().versions().stream()
                .anyMatch(v -> v.label().equals("1.0.0") && v.failed()));
        waitUntil(() -> robot.lookup("#details-tags .rw-chip-failed").tryQuery().isPresent());
        assertThat(robot.lookup("#details-tags .rw-chip-failed").queryLabeled().getText()).isEqualTo("failed");
        assertThat(w.vm.model().events().get(0).kind()).isEqualTo(EventKind.TAG);
        assertThat(w.vm.model().events().get(0).reason()).isEqualTo("leaks labels");
    }

    @Test
    void failedVersionIsWarnedAndAnAlteredArtifactDisablesConfirm(FxRobot robot) throws Exception {
        w.showModel(robot, "fraud-detector");
        new CliRun(w.db).run("tag", "fraud-detector", "1.1.0", "failed", "--reason", "test");
        String sha = new CliRun(w.db).run("show", "fraud-detector", "1.0.0", "--json").out()
                .replaceAll("(?s).*\"artifactSha256\" : \"([0-9a-f]{64})\".*", "$1");
        Path stored = w.db.resolveSibling("artifacts").resolve(sha);
        stored.toFile().setWritable(true);
        Files.writeString(stored, "tampered");
        waitUntil(() -> w.timeline().getData().versions().stream().anyMatch(v -> v.label().equals("1.1.0") && v.failed()));

        openMoveDialog(robot, "1.1.0");
        List<String> warnings = robot.lookup("#move-warnings .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(warnings).anyMatch(t -> t.contains("1.1.0 is tagged failed"));
        robot.clickOn("Cancel");

        openMoveDialog(robot, "1.0.0");
        Label blocker = robot.lookup("#move-blocker").queryAs(Label.class);
        assertThat(blocker.isVisible()).isTrue();
        assertThat(blocker.getText()).contains("was altered");
        robot.clickOn("#move-reason").write("try anyway");
        robot.clickOn("#move-confirm-name").write("production");
        assertThat(confirm(robot).isDisabled()).isTrue();
        w.screenshot("blocked-rollback", robot.lookup("#move-dialog").query());
        robot.clickOn("Cancel");
        assertThat(w.live("production")).isEqualTo("2.0.0");
    }

    @Test
    void aChangeMadeByTheCliWhileTheWindowIsOpenAppears(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        w.clickVersion(robot, "1.0.0", MouseButton.PRIMARY);
        assertThat(new CliRun(w.db).run("deploy", "fraud-detector", "staging", "1.0.0", "--reason", "from a terminal")
                .code()).isZero();
        waitUntil(() -> "1.0.0".equals(w.live("staging")));
        assertThat(w.vm.model().events().get(0).reason()).isEqualTo("from a terminal");
        assertThat(w.timeline().currentProperty().get().label()).as("selection kept").isEqualTo("1.0.0");
        assertThat(robot.lookup("#status-change").queryLabeled().getText()).startsWith("Change seen");
    }

    @Test
    void historyTabFiltersByKindAndTarget(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        robot.clickOn("History");
        TableView<Event> table = robot.lookup("#history-table").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty());
        int all = table.getItems().size();
        pick(robot, "#history-kind", "deploy");
        assertThat(table.getItems()).isNotEmpty().allMatch(e -> e.kind() == EventKind.DEPLOY);
        pick(robot, "#history-target", "production");
        assertThat(table.getItems()).extracting(Event::toVersion).containsExactly("2.0.0", "1.1.0", "1.0.0");
        assertThat(table.getItems().size()).isLessThan(all);
        w.screenshot("history-tab");
    }

    private void openMoveDialog(FxRobot robot, String label) {
        w.clickVersion(robot, label, MouseButton.SECONDARY);
        waitUntil(() -> robot.lookup("#ctx-move-production").tryQuery().isPresent());
        Node item = robot.lookup(n -> n.getStyleClass().contains("menu-item") && n.getId() != null
                && n.getId().equals("ctx-move-production")).query();
        robot.clickOn(item, MouseButton.PRIMARY);
        waitUntil(() -> robot.lookup("#move-dialog").tryQuery().isPresent());
    }

    private static void pick(FxRobot robot, String combo, String item) {
        robot.clickOn(combo);
        Node cell = robot.lookup(".combo-box-popup .list-cell").<Node>match(n -> n instanceof javafx.scene.control.Labeled l
                && item.equals(l.getText())).query();
        robot.clickOn(cell, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Button confirm(FxRobot robot) {
        return robot.lookup("#move-confirm").queryButton();
    }

    private static List<String> deltaCellClasses(FxRobot robot, String textStart) {
        return robot.lookup(".table-cell").<Node>match(n -> n instanceof javafx.scene.control.Labeled l
                && l.getText() != null && l.getText().startsWith(textStart)).query().getStyleClass();
    }
}

package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.ui.versions.VersionLine;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Versions tab in the real window, over the demo's fraud-detector (1.0.0, 1.1.0 stable, 2.0.0 owner=chen). */
class VersionsWindowTest extends WindowTestBase {
    private TableView<VersionLine> open(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        robot.clickOn("#tab-versions");
        TableView<VersionLine> table = robot.lookup("#versions-table").queryTableView();
        waitUntil(() -> table.getItems().size() == 3 && !w.vm.versions().loadingProperty().get());
        return table;
    }

    private static List<String> labels(TableView<VersionLine> table) {
        return table.getItems().stream().map(l -> l.version().label()).toList();
    }

    private void filter(FxRobot robot, String text) {
        TextField field = robot.lookup("#versions-filter").queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void sortsByAColumnAndFiltersWithTagAndMetricConditions(FxRobot robot) {
        TableView<VersionLine> table = open(robot);
        assertThat(labels(table)).as("newest first").containsExactly("2.0.0", "1.1.0", "1.0.0");
        assertThat(table.getColumns()).extracting(c -> c.getText())
                .containsExactly("Label", "#", "Created", "Author", "Tags", "Live on", "auc", "latency_ms",
                        "live_false_positive_rate");
        assertThat(table.getItems().get(0).liveText()).isEqualTo("production, staging");
        w.screenshot("versions-tab");

        robot.clickOn("#col-metric-latency_ms");
        waitUntil(() -> labels(table).equals(List.of("1.0.0", "1.1.0", "2.0.0")));
        robot.clickOn("#col-metric-latency_ms");
        waitUntil(() -> labels(table).equals(List.of("2.0.0", "1.1.0", "1.0.0")));
        robot.clickOn("#col-author");
        waitUntil(() -> labels(table).get(0).equals("1.0.0") && labels(table).get(2).equals("2.0.0"));

        filter(robot, "stable");
        waitUntil(() -> labels(table).equals(List.of("1.1.0")));
        filter(robot, "auc>0.92");
        waitUntil(() -> labels(table).size() == 2 && labels(table).containsAll(List.of("1.1.0", "2.0.0")));
        filter(robot, "owner=chen and auc>0.95");
        waitUntil(() -> labels(table).equals(List.of("2.0.0")));
        filter(robot, "stable and auc>0.95");
        waitUntil(table.getItems()::isEmpty);
        Label empty = robot.lookup("#versions-empty").queryAs(Label.class);
        assertThat(empty.getText()).isEqualTo("No version matches 'stable and auc>0.95'.");
        assertThat(empty.isVisible()).isTrue();
    }

    @Test
    void aBadFilterShowsTheCliMessageUnderTheField(FxRobot robot) {
        TableView<VersionLine> table = open(robot);
        TextField field = robot.lookup("#versions-filter").queryAs(TextField.class);
        robot.interact(() -> field.setText("stable"));
        waitUntil(() -> labels(table).equals(List.of("1.1.0")));
        robot.interact(() -> field.setText("auc>>0.9")); // pasted: no good prefix typed on the way
        Label error = robot.lookup("#versions-filter-error").queryAs(Label.class);
        waitUntil(error::isVisible);
        String cli = new dev.rewind.support.CliRun(w.db).run("versions", "fraud-detector", "--where", "auc>>0.9").err();
        assertThat(cli).as("what the CLI says").contains("position 5");
        assertThat(error.getText()).startsWith("cannot parse --where at position 5: ");
        assertThat(cli).contains(error.getText());
        assertThat(labels(table)).as("the last good filter's rows stay").containsExactly("1.1.0");
        w.screenshot("versions-bad-filter");
        filter(robot, "auc>0.9");
        waitUntil(() -> !error.isVisible());
    }

    @Test
    void selectionFollowsTheTimelineBothWaysAndTheMenuIsTheTimelines(FxRobot robot) {
        TableView<VersionLine> table = open(robot);
        robot.clickOn(row(robot, "1.0.0"));
        waitUntil(() -> w.timeline().currentProperty().get() != null
                && w.timeline().currentProperty().get().label().equals("1.0.0"));
        assertThat(w.timeline().getSelection()).extracting(v -> v.label()).containsExactly("1.0.0");

        w.clickVersion(robot, "2.0.0", MouseButton.PRIMARY);
        waitUntil(() -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().version().label().equals("2.0.0"));

        robot.clickOn(row(robot, "1.1.0"), MouseButton.SECONDARY);
        ContextMenu menu = openMenu();
        assertThat(menu.getItems()).extracting(MenuItem::getText).contains("Tag 1.1.0…", "Compare with live");
        robot.interact(menu::hide);

        robot.clickOn(row(robot, "1.0.0"));
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        ContextMenu keyed = openMenu();
        assertThat(keyed.getItems()).extracting(MenuItem::getText).contains("Tag 1.0.0…");
        robot.interact(keyed::hide);
    }

    private static Node row(FxRobot robot, String label) {
        return robot.lookup("#versions-table .table-row-cell").<Node>match(n -> n instanceof TableRow<?> r
                && r.getItem() instanceof VersionLine l && l.version().label().equals(label)).query();
    }

    private static ContextMenu openMenu() {
        waitUntil(() -> Window.getWindows().stream().anyMatch(x -> x instanceof ContextMenu c && c.isShowing()
                && "timeline-menu".equals(c.getId())));
        return (ContextMenu) Window.getWindows().stream().filter(x -> x instanceof ContextMenu c && c.isShowing()
                && "timeline-menu".equals(c.getId())).findFirst().orElseThrow();
    }
}

package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.Event;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** At 1024×700 nothing a person reads is cut to "…": History's times and changes, Compare's controls and caption. */
class NarrowWindowTest extends WindowTestBase {
    @BeforeEach
    void narrow(FxRobot robot) {
        robot.interact(() -> {
            javafx.stage.Stage stage = (javafx.stage.Stage) w.view.getScene().getWindow();
            stage.setWidth(1024);
            stage.setHeight(700);
        });
    }

    @Test
    void historyShowsWholeTimesKindsTargetsChangesAndActors(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        robot.clickOn("History");
        TableView<Event> table = robot.lookup("#history-table").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty() && !robot.lookup("#history-table .table-cell").queryAll().isEmpty());
        w.screenshot("history-1024x700");
        List<String> whole = List.of("When", "Kind", "Target", "Change", "Actor");
        int checked = 0;
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null && cell.isVisible()
                    && whole.contains(cell.getTableColumn().getText()) && cell.getText() != null && !cell.getText().isEmpty()) {
                assertThat(shown(cell)).as(cell.getTableColumn().getText() + " cell").isEqualTo(cell.getText());
                checked++;
            }
        }
        assertThat(checked).as("cells checked").isGreaterThan(10);
        // a reason cut to fit carries its whole text in a tooltip
        assertThat(table.lookupAll(".table-cell")).filteredOn(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                && "Reason".equals(c.getTableColumn().getText()) && c.getText() != null && !c.getText().isEmpty())
                .isNotEmpty().allMatch(n -> ((TableCell<?, ?>) n).getTooltip() != null
                        && ((TableCell<?, ?>) n).getTooltip().getText().equals(((TableCell<?, ?>) n).getText()));
        // and those columns are all in view, left of the table's right edge
        Bounds viewport = table.localToScene(table.getLayoutBounds());
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof javafx.scene.layout.Region h && h.lookup(".label") instanceof Labeled l && whole.contains(l.getText())) {
                assertThat(h.localToScene(h.getLayoutBounds()).getMaxX()).as(l.getText()).isLessThanOrEqualTo(viewport.getMaxX());
            }
        }
    }

    @Test
    void versionsShowWholeLabelsTimesAndAuthorsAndTheirMetricColumnsInView(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        robot.clickOn("Versions");
        TableView<?> table = robot.lookup("#versions-table").queryTableView();
        waitUntil(() -> table.getItems().size() == 3 && table.getColumns().size() > 6
                && !robot.lookup("#versions-table .table-cell").queryAll().isEmpty());
        w.screenshot("versions-1024x700");
        List<String> whole = List.of("Label", "#", "Created", "Author");
        int checked = 0;
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null && cell.isVisible()
                    && cell.getText() != null && !cell.getText().isEmpty()
                    && (whole.contains(cell.getTableColumn().getText()) || table.getColumns().indexOf(cell.getTableColumn()) > 5)) {
                assertThat(shown(cell)).as(cell.getTableColumn().getText() + " cell").isEqualTo(cell.getText());
                checked++;
            }
        }
        assertThat(checked).as("cells checked").isGreaterThanOrEqualTo(12);
        // the first metric column the person reads for is in view, left of the table's right edge
        Bounds viewport = table.localToScene(table.getLayoutBounds());
        String firstMetric = table.getColumns().get(6).getText();
        Node header = table.lookupAll(".column-header").stream().filter(h -> h.lookup(".label") instanceof Labeled l
                && firstMetric.equals(l.getText())).findFirst().orElseThrow();
        assertThat(header.localToScene(header.getLayoutBounds()).getMaxX()).as(firstMetric + " header in view")
                .isLessThanOrEqualTo(viewport.getMaxX());
    }

    @Test
    void compareBesideItsChartsKeepsItsControlsAndCaptionWhole(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        // the tour's banner keeps its buttons whole while its text wraps
        for (String id : List.of("#tour-start", "#tour-dismiss")) {
            Labeled b = robot.lookup(id).queryLabeled();
            assertThat(shown(b)).as(id).isEqualTo(b.getText());
        }
        // 2.0.0 is what every target serves: compared alone, the charts stand beside the table
        w.clickVersion(robot, "2.0.0", MouseButton.PRIMARY);
        robot.clickOn("Compare");
        // one version: the charts stand beside the table, so the left side is at its narrowest
        waitUntil(() -> robot.lookup("#chart-across").tryQuery().isPresent()
                && robot.lookup("#chart-across").query().isVisible());
        w.screenshot("compare-beside-1024x700");
        Labeled caption = robot.lookup("#compare-caption").queryLabeled();
        waitUntil(() -> !caption.getText().isEmpty());
        assertThat(shown(caption)).as("caption wraps rather than ending in …").doesNotEndWith("…");
        Node sections = robot.lookup("#compare-sections").query();
        double leftEdge = sections.localToScene(sections.getLayoutBounds()).getMaxX();
        Node charts = robot.lookup("#chart-across").query();
        assertThat(charts.localToScene(charts.getLayoutBounds()).getMinX()).as("the charts stand beside the table")
                .isGreaterThanOrEqualTo(leftEdge);
        for (String id : List.of("#compare-baseline", "#compare-filter", "#compare-export-csv")) {
            Node control = robot.lookup(id).query();
            Bounds b = control.localToScene(control.getLayoutBounds());
            assertThat(b.getWidth()).as(id + " not squeezed").isGreaterThanOrEqualTo(Math.min(control.prefWidth(-1), 70) - 0.5);
            assertThat(b.getMaxX()).as(id + " inside the table's side").isLessThanOrEqualTo(leftEdge + 0.5);
        }
        Labeled csv = robot.lookup("#compare-export-csv").queryLabeled();
        assertThat(shown(csv)).isEqualTo(csv.getText());
    }

    private static String shown(Labeled l) {
        Node text = l.lookup(".text");
        return text instanceof javafx.scene.text.Text t ? t.getText() : l.getText();
    }
}

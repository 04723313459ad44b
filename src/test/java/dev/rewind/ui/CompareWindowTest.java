package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.Comparison;
import dev.rewind.domain.MetricDelta;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

class CompareWindowTest extends WindowTestBase {
    @Test
    void multiSelectingTwoVersionsComparesThemWithColouredDeltasAndExportsCsv(FxRobot robot) throws Exception {
        w.showModel(robot, "fraud-detector");
        w.clickVersion(robot, "1.1.0", MouseButton.PRIMARY);
        w.ctrlClickVersion(robot, "2.0.0");
        robot.clickOn("Compare");
        TableView<Comparison.Row> table = robot.lookup("#compare-table").queryTableView();
        waitUntil(() -> table.getColumns().size() == 3);
        // the Δ sits beside the value under the version's header, no longer in a column of its own far right
        assertThat(table.getColumns()).extracting(TableColumn::getText).containsExactly("Metric", "1.1.0 (base)", "2.0.0");
        assertThat(table.getColumns().get(2).getColumns()).extracting(TableColumn::getText).containsExactly("value", "Δ");
        assertThat(table.getColumns().get(2).getColumns().get(1).getId()).isEqualTo("compare-delta-2.0.0");
        Comparison.Row auc = table.getItems().stream().filter(r -> r.key().equals("auc")).findFirst().orElseThrow();
        assertThat(auc.value(0)).isEqualTo(0.925);
        assertThat(auc.value(1)).isEqualTo(0.951);
        assertThat(auc.deltas().get(0).verdict()).isEqualTo(MetricDelta.Verdict.BETTER);
        assertThat(cellClasses(robot, "+0.026")).contains("rw-better");
        assertThat(cellClasses(robot, "+0.046")).contains("rw-worse"); // live false-positive rate up: worse
        assertThat(cellClasses(robot, "0.951")).contains("rw-best");
        w.screenshot("compare-tab");

        // choosing the other baseline flips the columns and the deltas
        robot.clickOn("#compare-baseline");
        Node item = robot.lookup(".combo-box-popup .list-cell").<Node>match(n -> n instanceof javafx.scene.control.Labeled l
                && "2.0.0".equals(l.getText())).query();
        robot.clickOn(item, MouseButton.PRIMARY);
        waitUntil(() -> table.getColumns().get(1).getText().equals("2.0.0 (base)"));
        assertThat(cellClasses(robot, "−0.026")).contains("rw-worse");

        robot.clickOn("#compare-filter").write("auc");
        waitUntil(() -> table.getItems().size() == 1);

        Path csv = dir.resolve("export.csv");
        w.dialogs.saveAs = csv;
        robot.clickOn("#compare-export-csv");
        waitUntil(() -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("metric,direction,2.0.0,1.1.0,delta 1.1.0,relative 1.1.0,verdict 1.1.0");
        String[] row = lines.stream().filter(l -> l.startsWith("auc,")).findFirst().orElseThrow().split(",");
        assertThat(Double.parseDouble(row[2])).isEqualTo(0.951);
        assertThat(Double.parseDouble(row[3])).isEqualTo(0.925);
        assertThat(Double.parseDouble(row[4])).isCloseTo(-0.026, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(row[6]).isEqualTo("worse");
        assertThat(lines).hasSize(7); // the CSV holds every metric, not only the filtered rows

        LineChart<?, ?> across = robot.lookup("#chart-across").query();
        assertThat(across.getData()).hasSize(3);
        assertThat(across.getData().get(0).getData()).hasSize(3);
        assertThat(across.getData().get(1).getName()).isEqualTo("live");
        Path png = dir.resolve("chart.png");
        w.dialogs.saveAs = png;
        robot.clickOn("#chart-export-png");
        waitUntil(() -> readable(png)); // the file appears before the encoder has finished it
        assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        java.awt.image.BufferedImage written = javax.imageio.ImageIO.read(png.toFile());
        Files.copy(png, Files.createDirectories(Path.of("target", "screenshots")).resolve("compare-export.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING); // to look at
        assertThat(written.getWidth()).as("twice the chart on screen").isGreaterThanOrEqualTo((int) (2 * across.getWidth()));
        assertThat(written.getHeight()).as("twice the chart, and a title above it")
                .isGreaterThan((int) (2 * across.getHeight()) + 20);
    }

    @Test
    void at1024x700ThreeVersionsShowValueAndDeltaWithoutScrollingAndChangedParamsAreMarked(FxRobot robot) {
        robot.interact(() -> {
            javafx.stage.Stage stage = (javafx.stage.Stage) w.view.getScene().getWindow();
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        w.showModel(robot, "fraud-detector");
        w.clickVersion(robot, "1.0.0", MouseButton.PRIMARY);
        w.ctrlClickVersion(robot, "1.1.0");
        w.ctrlClickVersion(robot, "2.0.0");
        robot.clickOn("Compare");
        TableView<Comparison.Row> table = robot.lookup("#compare-table").queryTableView();
        waitUntil(() -> table.getColumns().size() == 4 && table.getItems().size() == 6);
        assertThat(table.getColumns()).extracting(TableColumn::getText)
                .containsExactly("Metric", "1.0.0 (base)", "1.1.0", "2.0.0");
        w.screenshot("compare-1024x700");

        double content = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(content).as("the columns fit the table").isLessThanOrEqualTo(table.getWidth());
        assertThat(table.lookupAll(".scroll-bar")).filteredOn(n -> n instanceof javafx.scene.control.ScrollBar b
                && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.isVisible()).isEmpty();
        javafx.geometry.Bounds viewport = table.localToScene(table.getLayoutBounds());
        javafx.scene.control.TableCell<?, ?> delta = (javafx.scene.control.TableCell<?, ?>) robot.lookup("#compare-table .table-cell").<Node>match(
                n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null
                        && "compare-delta-2.0.0".equals(c.getTableColumn().getId()) && c.getItem() instanceof MetricDelta d
                        && d.key().equals("auc")).<Node>query();
        assertThat(delta.getText()).startsWith("+0.039");
        assertThat(viewport.contains(delta.localToScene(delta.getLayoutBounds()))).as("the Δ cell is in view").isTrue();
        // every cell shows its whole text: nothing cut to "…" (metric names, values, deltas)
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof javafx.scene.control.Labeled cell && cell.getText() != null && cell.isVisible()) {
                assertThat(shown(cell)).as("cell " + cell.getText()).isEqualTo(cell.getText());
            }
        }
        // three versions leave the charts no room beside the table at this size: they have a tab of their own
        robot.clickOn("Charts");
        w.screenshot("compare-charts-1024x700");
        robot.clickOn("Side by side");
        javafx.scene.chart.BarChart<String, Number> bars = robot.lookup("#chart-bars").query();
        waitUntil(() -> bars.getData().size() == 3);
        // each metric scaled to its largest value: latency in ms stands beside auc instead of flattening it
        for (String metric : List.of("auc", "latency_ms")) {
            assertThat(bars.getData().stream().flatMap(s -> s.getData().stream()).filter(d -> d.getXValue().equals(metric))
                    .mapToDouble(d -> d.getYValue().doubleValue()).max().orElseThrow()).isEqualTo(1.0);
        }
        assertThat(bars.getData().get(0).getData().stream().filter(d -> d.getXValue().equals("latency_ms")).findFirst()
                .orElseThrow().getYValue().doubleValue()).isCloseTo(11 / 31.0, org.assertj.core.data.Offset.offset(1e-9));
        w.screenshot("compare-bars-1024x700");
        for (String id : List.of("#compare-baseline", "#compare-filter", "#compare-export-csv", "#chart-metric",
                "#chart-export-png")) {
            Node control = robot.lookup(id).query();
            javafx.geometry.Bounds b = control.localToScene(control.getLayoutBounds());
            assertThat(b.getMaxX()).as(id + " inside the window").isLessThanOrEqualTo(control.getScene().getWidth());
            assertThat(b.getWidth()).as(id + " not squeezed").isGreaterThanOrEqualTo(
                    Math.min(control.prefWidth(-1), 80) - 0.5);
            if (control instanceof javafx.scene.control.Button button) {
                assertThat(shown(button)).isEqualTo(button.getText());
            }
        }

        // 1.0.0 and 1.1.0 differ only in train_rows
        w.clickVersion(robot, "1.0.0", MouseButton.PRIMARY);
        w.ctrlClickVersion(robot, "1.1.0");
        javafx.scene.control.TabPane sections = robot.lookup("#compare-sections").query();
        javafx.scene.control.Tab paramsTab = sections.getTabs().get(1);
        waitUntil(() -> table.getColumns().size() == 3 && paramsTab.getText().equals("Params · 1 of 3 differ"));
        robot.clickOn(paramsTab.getText());
        TableView<?> params = robot.lookup("#compare-params").queryTableView();
        waitUntil(() -> params.getColumns().size() == 3 && params.getItems().size() == 3);
        assertThat(paramRow(robot, "train_rows").getStyleClass()).contains("rw-param-changed");
        assertThat(paramRow(robot, "learning_rate").getStyleClass()).doesNotContain("rw-param-changed");
        assertThat(robot.lookup("#compare-params .table-cell").<Node>match(n -> n instanceof javafx.scene.control.Labeled l
                && "5100000".equals(l.getText())).query().getStyleClass()).contains("rw-changed");
        assertThat(robot.lookup("#compare-params .table-cell").<Node>match(n -> n instanceof javafx.scene.control.Labeled l
                && "4200000".equals(l.getText())).query().getStyleClass()).as("the baseline's own value")
                .doesNotContain("rw-changed");
        w.screenshot("compare-params-1024x700");
    }

    private static boolean readable(Path png) {
        try {
            return Files.exists(png) && javax.imageio.ImageIO.read(png.toFile()) != null;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static Node paramRow(FxRobot robot, String key) {
        return robot.lookup("#compare-params .table-row-cell").<Node>match(n ->
                n instanceof javafx.scene.control.TableRow<?> r && r.getItem() instanceof dev.rewind.ui.compare.ParamsDiff.Row p
                        && p.key().equals(key)).query();
    }

    /** The text a labeled control actually draws: its text, or that cut short with an ellipsis when it does not fit. */
    private static String shown(javafx.scene.control.Labeled l) {
        Node text = l.lookup(".text");
        return text instanceof javafx.scene.text.Text t ? t.getText() : l.getText();
    }

    @Test
    void oneSelectedVersionIsComparedWithWhatTheTargetsServe(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        w.clickVersion(robot, "1.0.0", MouseButton.PRIMARY);
        robot.clickOn("Compare");
        TableView<Comparison.Row> table = robot.lookup("#compare-table").queryTableView();
        waitUntil(() -> table.getColumns().size() == 3);
        assertThat(table.getColumns()).extracting(TableColumn::getText).containsExactly("Metric", "1.0.0 (base)", "2.0.0");
        assertThat(table.getColumns().get(2).getColumns()).extracting(TableColumn::getText).containsExactly("value", "Δ");
        assertThat(robot.lookup("#compare-caption").queryLabeled().getText())
                .contains("Comparing 1.0.0 with what production and staging serve");
        robot.clickOn("Training curves");
        LineChart<?, ?> curves = robot.lookup("#chart-curves").query();
        robot.clickOn("#chart-metric");
        Node item = robot.lookup(".combo-box-popup .list-cell").<Node>match(n -> n instanceof javafx.scene.control.Labeled l
                && "val_loss".equals(l.getText())).query();
        robot.clickOn(item, MouseButton.PRIMARY);
        waitUntil(() -> curves.getData().size() == 2);
        assertThat(curves.getData().get(0).getData()).hasSize(30);
        w.screenshot("training-curves");
    }

    private static List<String> cellClasses(FxRobot robot, String textStart) {
        return robot.lookup("#compare-table .table-cell").<Node>match(n -> n instanceof javafx.scene.control.Labeled l
                && l.getText() != null && l.getText().startsWith(textStart)).query().getStyleClass();
    }
}

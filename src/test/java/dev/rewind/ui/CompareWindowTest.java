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
        waitUntil(() -> table.getColumns().size() == 4);
        assertThat(table.getColumns()).extracting(TableColumn::getText)
                .containsExactly("Metric", "1.1.0 (base)", "2.0.0", "Δ 2.0.0");
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
        waitUntil(() -> Files.exists(png));
        assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void oneSelectedVersionIsComparedWithWhatTheTargetsServe(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        w.clickVersion(robot, "1.0.0", MouseButton.PRIMARY);
        robot.clickOn("Compare");
        TableView<Comparison.Row> table = robot.lookup("#compare-table").queryTableView();
        waitUntil(() -> table.getColumns().size() == 4);
        assertThat(table.getColumns()).extracting(TableColumn::getText)
                .containsExactly("Metric", "1.0.0 (base)", "2.0.0", "Δ 2.0.0");
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

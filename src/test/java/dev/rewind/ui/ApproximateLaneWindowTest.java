package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.Event;
import dev.rewind.ui.timeline.TimelineLayout;
import dev.rewind.ui.timeline.TimelineLayout.LaneRow;
import dev.rewind.ui.timeline.TimelineLayout.SegmentBox;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An MLflow store imported from the File menu: its "prod" alias is drawn from the version's last update, so the
 * window marks that lane segment approximate and says why (issue 18).
 */
class ApproximateLaneWindowTest extends WindowTestBase {
    private static final String WHY = "time approximate: imported from MLflow, from the version's last update";

    @Test
    void anImportedPositionIsMarkedApproximateInTheLaneItsTooltipItsSpokenTextAndHistory(FxRobot robot)
            throws Exception {
        waitUntil(() -> w.vm.models().size() >= 4);
        Path store = Files.createDirectories(dir.resolve("store"));
        w.dialogs.importFrom = dev.rewind.importer.MlflowFixturesAccess.mlruns(store);
        robot.clickOn("File").clickOn("#menu-import-folder");
        waitUntil(() -> w.vm.models().stream().anyMatch(m -> m.name().equals("churn")));
        w.showModel(robot, "churn");

        TimelineLayout l = w.timeline().lastLayout();
        LaneRow prod = l.lanes().stream().filter(r -> r.target().equals("prod")).findFirst().orElseThrow();
        SegmentBox live = prod.segments().stream().filter(SegmentBox::live).findFirst().orElseThrow();
        assertThat(live.version()).isEqualTo("2");
        assertThat(live.approximate()).isTrue();
        assertThat(live.approximateNote()).isEqualTo(WHY);
        assertThat(live.text()).isEqualTo("≈ 2");

        // hovering the segment explains it
        double midX = (live.x0() + live.x1()) / 2;
        Point2D onLane = w.timeline().localToScreen(midX, prod.y() + prod.height() / 2);
        robot.moveTo(onLane);
        WaitForAsyncUtils.waitForFxEvents();
        Canvas canvas = robot.from(w.timeline()).lookup((javafx.scene.Node n) -> n instanceof Canvas).queryAs(Canvas.class);
        Tooltip tip = (Tooltip) canvas.getProperties().get("javafx.scene.control.Tooltip");
        waitUntil(() -> ("prod: 2 (live)\n" + WHY).equals(tip.getText()));

        // a screen reader hears it for the version in focus
        w.clickVersion(robot, "2", javafx.scene.input.MouseButton.PRIMARY);
        assertThat(w.timeline().getAccessibleText()).contains(" prod since ≈ ").endsWith("(" + WHY + ")")
                .as("said once, not per lane").containsOnlyOnce(WHY);
        w.screenshot("approximate-lane");

        robot.clickOn("History");
        TableView<Event> table = robot.lookup("#history-table").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty());
        Event observed = table.getItems().stream()
                .filter(e -> "prod".equals(e.target()) && e.effectiveAt() != null).findFirst().orElseThrow();
        String change = String.valueOf(table.getColumns().get(3).getCellData(observed));
        assertThat(change).isEqualTo("∅ → 2 ≈ " + dev.rewind.ui.common.Formats.time(observed.effectiveAt()));
    }
}

package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.importer.MlflowFixturesAccess;
import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The move dialog of a recorded-only target an MLflow import created: "Link to MLflow alias…" opens a small form
 * prefilled from the import, links, and the move shown again amounts to the MLflow call, which the move then makes.
 */
class LinkAliasWindowTest extends WindowTestBase {
    private static final String MODEL = "fraud-模型";

    @Test
    void linkingFromTheMoveDialogMakesTheMoveSetTheAlias(FxRobot robot) throws Exception {
        Path mlflow = MlflowFixturesAccess.db(Files.createDirectories(dir.resolve("store")));
        assertThat(new CliRun(w.db).run("import", "mlflow", mlflow.toString()).code()).isZero();
        waitUntil(() -> w.vm.models().stream().anyMatch(m -> m.name().equals(MODEL)));
        w.showModel(robot, MODEL);

        openMoveDialog(robot, "3", "champion");
        assertThat(robot.lookup("#move-recorded-only").queryLabeled().isVisible()).isTrue();
        assertThat(robot.lookup("#move-native-row").query().isVisible()).isFalse();
        w.screenshot("move-link-offer", robot.lookup("#move-dialog").query());
        robot.clickOn("#move-link");
        waitUntil(() -> robot.lookup("#link-dialog").tryQuery().isPresent());
        assertThat(text(robot, "#link-store")).isEqualTo(mlflow.toAbsolutePath().toString());
        assertThat(text(robot, "#link-model")).isEqualTo(MODEL);
        assertThat(text(robot, "#link-alias")).as("the target's name in lower case").isEqualTo("champion");
        w.screenshot("link-alias-form", robot.lookup("#link-dialog").query());
        robot.clickOn("#link-confirm");

        // linked in the background, then the move is shown again, read afresh
        waitUntil(() -> robot.lookup("#move-native-row").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup("#move-native").queryLabeled().getText())
                .isEqualTo("MlflowClient().set_registered_model_alias(\"" + MODEL + "\", \"champion\", \"3\")");
        assertThat(robot.lookup("#move-recorded-only").queryLabeled().isVisible()).isFalse();
        assertThat(robot.lookup("#move-link").tryQuery()).isEmpty();
        assertThat(alias(mlflow)).as("linking changed nothing in MLflow").isEqualTo(2);

        robot.clickOn("#move-reason").write("retrained");
        robot.clickOn("#move-confirm-name").write("champion");
        robot.clickOn("#move-confirm");
        waitUntil(() -> "3".equals(w.live("champion")));
        waitUntil(() -> alias(mlflow) == 3);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }

    private void openMoveDialog(FxRobot robot, String label, String target) {
        w.clickVersion(robot, label, MouseButton.SECONDARY);
        waitUntil(() -> robot.lookup("#ctx-move-" + target).tryQuery().isPresent());
        robot.clickOn(robot.lookup(n -> n.getStyleClass().contains("menu-item") && ("ctx-move-" + target)
                .equals(n.getId())).<Node>query(), MouseButton.PRIMARY);
        waitUntil(() -> robot.lookup("#move-dialog").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int alias(Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM registered_model_aliases WHERE alias = 'champion'")) {
            return rs.next() ? rs.getInt(1) : -1;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.RotatingLog;
import dev.rewind.service.OpenMode;
import dev.rewind.ui.common.FxScheduler;
import dev.rewind.ui.common.TestCatalogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on catalogs that travel: a path with no file asks, a catalog this user cannot write opens read-only
 * with its changes turned off, and a bug is one line with its trace behind Details (and in the log).
 */
@ExtendWith(ApplicationExtension.class)
class TravelWindowTest {
    @TempDir
    Path dir;
    WindowHarness w;

    @Start
    void start(Stage stage) {
        w = new WindowHarness(stage, dir.resolve("demo.db"), new FxScheduler(), (path, mode) -> {
            if (path.getFileName().toString().equals("bug.db")) {
                throw new IllegalStateException("a bug in a service\nsecond line");
            }
            return RewindApp.open(path, mode);
        });
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> w.vm.close());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aPathWithNoCatalogAsksAndCreatesOnlyWhatIsChosen(FxRobot robot) {
        waitUntil(() -> w.vm.models().size() >= 4);
        Path typo = dir.resolve("catalgo.db");
        WaitForAsyncUtils.asyncFx(() -> w.vm.openOrAsk(typo, false));
        waitUntil(() -> robot.lookup("#missing-catalog-dialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#missing-catalog-dialog").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).contains(typo.toString());
        assertThat(robot.lookup("#missing-create-demo").tryQuery()).isPresent();
        assertThat(robot.lookup("#missing-choose").tryQuery()).isPresent();
        assertThat(typo).doesNotExist();
        w.screenshot("missing-catalog-dialog", pane);
        robot.clickOn("#missing-create-empty");
        waitUntil(() -> w.vm.catalogPathProperty().get().equals(typo.toString()) && !w.vm.loadingProperty().get());
        assertThat(typo).exists();
        assertThat(w.vm.models()).isEmpty();
    }

    @Test
    void aCatalogThisUserCannotWriteShowsTheBannerAndTurnsOffChanges(FxRobot robot) throws Exception {
        waitUntil(() -> w.vm.models().size() >= 4);
        Label banner = robot.lookup("#read-only-banner").queryAs(Label.class);
        assertThat(banner.isVisible()).isFalse();
        assertThat(menuItem("menu-import-db").isDisable()).isFalse();
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path db = TestCatalogs.copy(TestCatalogs.template(), shared.resolve("catalog.db"));
        boolean locked = chattr("+i", db) && chattr("+i", shared);
        try {
            Assumptions.assumeTrue(locked && !Files.isWritable(shared), "chattr +i refused: read-only window not tested");
            WaitForAsyncUtils.asyncFx(() -> w.vm.openOrAsk(db, false));
            waitUntil(() -> w.vm.catalogPathProperty().get().equals(db.toString()) && banner.isVisible()
                    && w.vm.model().currentProperty().get() != null);
            assertThat(banner.getText()).contains("Read-only").contains(db.toString());
            assertThat(robot.lookup("#tag-button").queryButton().isDisable()).isTrue();
            assertThat(robot.lookup("#move-button").query().isDisable()).isTrue();
            assertThat(menuItem("menu-import-db").isDisable()).isTrue();
            assertThat(menuItem("menu-import-folder").isDisable()).isTrue();
            assertThat(menuItem("menu-undo").isDisable()).isTrue();
            assertThat(w.vm.models()).hasSize(3);
            w.screenshot("read-only-banner");
        } finally {
            chattr("-i", shared);
            chattr("-i", db);
        }
        try (var s = Files.list(shared)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("nothing written beside it")
                    .noneMatch(n -> n.endsWith("-wal") || n.endsWith("-shm") || n.endsWith(".head"));
        }
    }

    @Test
    void anUnexpectedErrorIsOneLineWithTheTraceBehindDetailsAndInTheLog(FxRobot robot) throws IOException {
        waitUntil(() -> w.vm.models().size() >= 4);
        Path log = dir.resolve("rewind.log");
        Logger root = LogManager.getLogManager().getLogger("");
        Handler file = new RotatingLog(log);
        root.addHandler(file);
        try {
            WaitForAsyncUtils.asyncFx(() -> w.vm.open(dir.resolve("bug.db"), OpenMode.EXISTING));
            waitUntil(() -> robot.lookup("#error-dialog").tryQuery().isPresent());
        } finally {
            root.removeHandler(file);
        }
        DialogPane pane = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertThat(pane.getContentText()).isEqualTo("Unexpected error: IllegalStateException: a bug in a service");
        TextArea details = (TextArea) pane.getExpandableContent();
        assertThat(details.getId()).isEqualTo("error-details");
        assertThat(details.getText()).contains("second line").contains("\tat ");
        assertThat(details.isVisible() && pane.isExpanded()).isFalse();
        robot.clickOn(pane.lookup(".details-button"));
        waitUntil(pane::isExpanded);
        w.screenshot("error-details", pane);
        assertThat(Files.readString(log)).contains("unexpected error in the window")
                .contains("java.lang.IllegalStateException: a bug in a service").contains("\tat ");
    }

    private MenuItem menuItem(String id) {
        MenuBar bar = (MenuBar) ((VBox) w.view.getTop()).getChildren().get(0);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow();
    }

    private static boolean chattr(String flag, Path p) {
        try {
            return new ProcessBuilder("chattr", flag, p.toString()).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

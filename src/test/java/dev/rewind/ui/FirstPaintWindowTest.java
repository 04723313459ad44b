package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.service.OpenMode;
import dev.rewind.ui.common.FxScheduler;
import dev.rewind.ui.common.FxTaskExecutor;
import dev.rewind.ui.shell.MainView;
import dev.rewind.ui.shell.MainViewModel;
import dev.rewind.ui.timeline.VersionTimeline;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window the app opens ({@link MainView#firstPaintFirst}): its first frame holds the model list and the first
 * model's timeline only; menus, tabs and status bar join once that timeline has been laid out (or at once when there
 * is no model to show), in the space kept for them, and then work as in every other window.
 */
@ExtendWith(ApplicationExtension.class)
class FirstPaintWindowTest {
    @TempDir
    Path dir;
    MainViewModel vm;
    MainView view;
    /** What was drawn when the menus joined: the loads finished and the versions on the timeline then. */
    final List<String> whenChromeJoined = new ArrayList<>();
    boolean chromeInFirstView;
    double listTopWhenChromeJoined;
    /** Whether the menus were in the window when what waited for them ran (the window's icons wait so). */
    final List<Boolean> waitedForChrome = new ArrayList<>();

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> vm.close());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void open(Path db, OpenMode mode) throws TimeoutException {
        FxToolkit.setupStage(stage -> show(stage, db, mode, RewindApp::open));
    }

    private void show(Stage stage, Path db, OpenMode mode,
                      java.util.function.BiFunction<Path, OpenMode, dev.rewind.service.CatalogSessions.Opened> opener) {
        MainView.applyTheme(false);
        vm = new MainViewModel(new FxTaskExecutor(), new TestDialogs(() -> stage), new FxScheduler(),
                Clock.systemUTC(), opener);
        view = MainView.firstPaintFirst(vm);
        chromeInFirstView = view.lookup(".menu-bar") != null || view.lookup("#tabs") != null
                || view.lookup(".rw-status-bar") != null || view.lookup("#model-filter") != null;
        view.whenChromeJoins(() -> waitedForChrome.add(view.lookup(".menu-bar") != null));
        view.topProperty().addListener((o, was, now) -> listTopWhenChromeJoined =
                view.lookup("#model-list").localToScene(0, 0).getY());
        view.topProperty().addListener((o, was, now) -> whenChromeJoined.add("loads "
                + vm.model().loadsProperty().get() + ", versions " + timeline().getData().versions().size()));
        stage.setScene(RewindApp.scene(view));
        stage.setWidth(1280);
        stage.setHeight(820);
        stage.show();
        vm.open(db, mode);
    }

    private VersionTimeline timeline() {
        return view.modelPane().timeline();
    }

    private boolean chrome() {
        return view.lookup(".menu-bar") != null && view.lookup("#tabs") != null
                && view.lookup(".rw-status-bar") != null && view.lookup("#model-filter") != null;
    }

    @Test
    void theFirstFrameHoldsTheListAndTimelineAndTheRestJoinsOnceTheTimelineIsLaidOut(FxRobot robot)
            throws TimeoutException {
        Path db = dir.resolve("demo.db");
        RewindApp.open(db, OpenMode.DEMO_IF_MISSING).services().close(); // made before: the window only opens it
        open(db, OpenMode.EXISTING);
        assertThat(chromeInFirstView).as("no menus, tabs, status bar or filter field before the first frame").isFalse();
        waitUntil(this::chrome);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(listTopWhenChromeJoined).as("laid out before").isPositive();
        assertThat(listTop(robot)).as("the filter took the place kept for it: the list did not move")
                .isCloseTo(listTopWhenChromeJoined, org.assertj.core.data.Offset.offset(0.5));
        robot.clickOn("#model-filter").write(vm.models().get(0).name());
        waitUntil(() -> vm.models().size() == 1);

        assertThat(whenChromeJoined).as("the first model was drawn before the menus joined").hasSize(1);
        assertThat(whenChromeJoined.get(0)).startsWith("loads 1,").doesNotEndWith("versions 0");
        assertThat(waitedForChrome).as("ran once, with the menus in place").containsExactly(true);
        view.whenChromeJoins(() -> waitedForChrome.add(true));
        assertThat(waitedForChrome).as("once they are in, at once").hasSize(2);
        // the tabs took the place kept for them: the timeline keeps its share of the height
        SplitPane split = (SplitPane) view.lookup("#tabs").getParent().getParent();
        assertThat(split.getDividerPositions()[0]).isCloseTo(0.42, org.assertj.core.data.Offset.offset(0.02));
        assertThat(((TabPane) view.lookup("#tabs")).getTabs()).hasSize(5);
        waitUntil(() -> view.lookup("#details-title") != null);
        // the version in focus was read before the tab joined: its details show, not "Reading …" for ever
        waitUntil(() -> view.lookup("#details-reading") == null && view.lookup("#details-title") != null);
        assertThat(robot.lookup("#details-title").queryLabeled().getText())
                .isEqualTo(vm.model().modelProperty().get() + " " + timeline().currentProperty().get().label());

        // and they work as in any window: the History tab lists the model's events, the menus open
        robot.clickOn("History");
        waitUntil(() -> !vm.model().events().isEmpty());
        assertThat(robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getText())
                .isEqualTo("History");
        MenuBar menus = (MenuBar) view.lookup(".menu-bar");
        robot.clickOn("File");
        waitUntil(() -> menus.getMenus().get(0).isShowing());
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void aCatalogOpenedAheadOfTheWindowShowsItsFirstModelsTimelineInTheFrameThatFirstListsIt(FxRobot robot)
            throws Exception {
        Path db = dir.resolve("demo.db");
        RewindApp.open(db, OpenMode.DEMO_IF_MISSING).services().close();
        // as RewindApp starts: the catalog opened, listed and its first model read while the toolkit starts
        CatalogHeadStart ahead = CatalogHeadStart.begin(RewindApp::open, db, OpenMode.EXISTING);
        ahead.aheadDone().get(30, java.util.concurrent.TimeUnit.SECONDS);
        List<String> firstListed = new ArrayList<>();
        FxToolkit.setupStage(stage -> {
            show(stage, db, OpenMode.EXISTING, ahead);
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                if (!vm.models().isEmpty()) {
                    stage.getScene().removePostLayoutPulseListener(once[0]);
                    firstListed.add("loads " + vm.model().loadsProperty().get() + ", versions "
                            + timeline().getData().versions().size() + ", selected " + vm.selectedModelProperty().get().name());
                }
            };
            stage.getScene().addPostLayoutPulseListener(once[0]);
        });
        waitUntil(this::chrome);
        String first = vm.models().get(0).name();
        int versions = vm.model().timelineProperty().get().versions().size();
        assertThat(versions).isPositive();
        assertThat(firstListed).as("the layout pass that first lists the models").containsExactly(
                "loads 1, versions " + versions + ", selected " + first);
        waitUntil(() -> !vm.model().events().isEmpty()); // its History follows, as for any model
        assertThat(whenChromeJoined).containsExactly("loads 1, versions " + versions);
    }

    private static double listTop(FxRobot robot) {
        Node list = robot.lookup("#model-list").query();
        return list.localToScene(0, 0).getY();
    }

    @Test
    void withNoModelToShowTheRestJoinsOnceTheListIsShown(FxRobot robot) throws TimeoutException {
        Path empty = dir.resolve("empty.db");
        dev.rewind.catalog.sqlite.SqliteCatalog.open(empty, true).close();
        open(empty, OpenMode.EXISTING);
        assertThat(chromeInFirstView).isFalse();
        waitUntil(this::chrome);
        assertThat(vm.models()).isEmpty();
        assertThat(whenChromeJoined).containsExactly("loads 0, versions 0");
        Node placeholder = robot.lookup("#model-list").query();
        assertThat(placeholder.isVisible()).isTrue();
    }
}

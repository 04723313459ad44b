package dev.rewind.ui;

import dev.rewind.service.OpenMode;
import dev.rewind.domain.ModelSummary;
import dev.rewind.domain.TargetState;
import dev.rewind.ui.common.FxScheduler;
import dev.rewind.ui.common.FxTaskExecutor;
import dev.rewind.ui.common.Scheduler;
import dev.rewind.ui.shell.MainView;
import dev.rewind.ui.shell.MainViewModel;
import dev.rewind.ui.timeline.VersionTimeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window over a demo catalog, and the moves a person makes in it. */
final class WindowHarness {
    final Path db;
    final MainViewModel vm;
    final MainView view;
    final TestDialogs dialogs;

    WindowHarness(Stage stage, Path db) {
        this(stage, db, new FxScheduler());
    }

    /** With the timers of {@code scheduler}: a test that must not wait on real time brings its own. */
    WindowHarness(Stage stage, Path db, Scheduler scheduler) {
        this(stage, db, scheduler, new FxTaskExecutor(), RewindApp::open, new dev.rewind.ui.details.DesktopFolderOpener());
    }

    /** With {@code tasks} running the window's background work: a test that holds some back brings its own. */
    WindowHarness(Stage stage, Path db, Scheduler scheduler, dev.rewind.ui.common.TaskExecutor tasks) {
        this(stage, db, scheduler, tasks, RewindApp::open, new dev.rewind.ui.details.DesktopFolderOpener());
    }

    /** With {@code folders} in place of the desktop's file manager (a test records what it was asked to open). */
    WindowHarness(Stage stage, Path db, dev.rewind.ui.details.FolderOpener folders) {
        this(stage, db, new FxScheduler(), new FxTaskExecutor(), RewindApp::open, folders);
    }

    /** With {@code opener} in place of the app's (a test that makes opening fail brings its own). */
    WindowHarness(Stage stage, Path db, Scheduler scheduler,
                  java.util.function.BiFunction<Path, OpenMode, dev.rewind.service.CatalogSessions.Opened> opener) {
        this(stage, db, scheduler, new FxTaskExecutor(), opener, new dev.rewind.ui.details.DesktopFolderOpener());
    }

    private WindowHarness(Stage stage, Path db, Scheduler scheduler, dev.rewind.ui.common.TaskExecutor tasks,
                          java.util.function.BiFunction<Path, OpenMode, dev.rewind.service.CatalogSessions.Opened> opener,
                          dev.rewind.ui.details.FolderOpener folders) {
        this.db = db;
        MainView.applyTheme(false);
        dialogs = new TestDialogs(() -> stage);
        vm = new MainViewModel(tasks, dialogs, scheduler, Clock.systemUTC(), opener, folders);
        view = new MainView(vm);
        stage.setScene(RewindApp.scene(view));
        stage.setTitle("Rewind");
        stage.setWidth(1280);
        stage.setHeight(820);
        stage.show();
        vm.open(db, OpenMode.DEMO_IF_MISSING);
    }

    static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 15 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    VersionTimeline timeline() {
        return view.modelPane().timeline();
    }

    /** Clicks a model in the list and returns at once, while it loads. */
    void showModelWithoutWaiting(FxRobot robot, String name) {
        waitUntil(() -> vm.models().size() >= 4);
        Node cell = robot.lookup("#model-list .list-cell").<Node>match(n ->
                n instanceof javafx.scene.control.ListCell<?> c && c.getItem() instanceof ModelSummary m
                        && m.name().equals(name)).query();
        robot.clickOn(cell, MouseButton.PRIMARY);
    }

    void showModel(FxRobot robot, String name) {
        waitUntil(() -> vm.models().size() >= 4);
        Node cell = robot.lookup("#model-list .list-cell").<Node>match(n ->
                n instanceof javafx.scene.control.ListCell<?> c && c.getItem() instanceof ModelSummary m
                        && m.name().equals(name)).query();
        robot.clickOn(cell, MouseButton.PRIMARY);
        waitUntil(() -> name.equals(vm.model().modelProperty().get())
                && !vm.model().loadingProperty().get()
                && !timeline().getData().versions().isEmpty()
                && timeline().getData().versions().get(0).model().equals(name)
                && timeline().positionOf(timeline().getData().versions().get(0).label()) != null);
        detailsRead();
    }

    void clickVersion(FxRobot robot, String label, MouseButton button) {
        Point2D p = timeline().positionOf(label);
        if (p == null) {
            throw new AssertionError(label + " is not drawn on its own");
        }
        robot.moveTo(timeline().localToScreen(p)).clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
        detailsRead();
    }

    /** The version in focus is read in full in the background (the timeline holds light rows): wait for it. */
    void detailsRead() {
        waitUntil(() -> vm.model().currentProperty().get() == null || vm.model().detailsProperty().get() != null
                && vm.model().detailsProperty().get().id() == vm.model().currentProperty().get().id());
    }

    /** Ctrl-click: adds a version to the selection. */
    void ctrlClickVersion(FxRobot robot, String label) {
        Point2D p = timeline().positionOf(label);
        robot.moveTo(timeline().localToScreen(p));
        robot.press(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            robot.clickOn(MouseButton.PRIMARY);
        } finally {
            robot.release(javafx.scene.input.KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
        detailsRead();
    }

    String live(String target) {
        return vm.model().targets().stream().filter(t -> t.name().equals(target)).map(TargetState::liveVersion)
                .findFirst().orElse(null);
    }

    /** Saves what the window shows now under target/screenshots/. */
    void screenshot(String name) {
        screenshot(name, view);
    }

    /** Saves the window that holds {@code node} (a dialog, say) under target/screenshots/. */
    void screenshot(String name, Node node) {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> img[0] = node.getScene().getRoot().snapshot(null, null));
        WaitForAsyncUtils.waitForFxEvents();
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

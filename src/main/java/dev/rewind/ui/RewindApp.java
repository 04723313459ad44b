package dev.rewind.ui;

import dev.rewind.CompositionRoot;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.cli.Cli;
import dev.rewind.service.CatalogSessions;
import dev.rewind.service.Environment;
import dev.rewind.service.OpenMode;
import dev.rewind.ui.actions.FxDialogService;
import dev.rewind.ui.common.BugDialog;
import dev.rewind.ui.common.FxScheduler;
import dev.rewind.ui.common.FxTaskExecutor;
import dev.rewind.ui.common.StartupTrace;
import dev.rewind.ui.shell.MainView;
import dev.rewind.ui.shell.MainViewModel;
import dev.rewind.ui.versions.PrefsColumnChoices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: one main window over one catalog. */
@CompositionRoot("opens the SQLite catalog the window shows and hands it to the services")
public final class RewindApp extends Application {
    private static volatile Cli.GuiRequest request;
    private static volatile CatalogHeadStart headStart;
    private MainViewModel vm;

    /** Called by {@code Main} when no command is given; returns when the window closes. */
    public static int launchWindow(Cli.GuiRequest r) {
        StartupTrace.mark("command line parsed");
        request = r;
        // the catalog opens while the toolkit starts; a path the window will ask about first is left alone
        OpenMode mode = r.defaultCatalog() ? OpenMode.DEMO_IF_MISSING
                : Files.exists(r.catalog()) ? OpenMode.EXISTING : null;
        headStart = CatalogHeadStart.begin(RewindApp::open, r.catalog(), mode);
        Application.launch(RewindApp.class);
        return 0;
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("fx start");
        MainView.applyTheme(false);
        Cli.GuiRequest r = request;
        Stage[] owner = {stage};
        FxDialogService dialogs = new FxDialogService(() -> owner[0]);
        BugDialog.installOnFxThread(dialogs);
        vm = new MainViewModel(new FxTaskExecutor(), dialogs, new FxScheduler(), Clock.systemUTC(), headStart,
                new PrefsColumnChoices(Preferences.userRoot().node("dev/rewind/versions")));
        if (headStart.mode() != null) { // listed while the window is built and shown
            vm.open(r.catalog(), headStart.mode());
        }
        MainView view = new MainView(vm);
        StartupTrace.mark("view built");
        Scene scene = scene(view);
        stage.setScene(scene);
        stage.setTitle("Rewind");
        addIcons(stage);
        stage.show();
        StartupTrace.mark("stage shown");
        Runnable[] first = new Runnable[1];
        first[0] = () -> {
            scene.removePostLayoutPulseListener(first[0]);
            StartupTrace.mark("first pulse laid out");
        };
        scene.addPostLayoutPulseListener(first[0]);
        if (r.startupProbe()) {
            StartupProbe.attach(scene, vm, r.probeModel());
        }
        if (headStart.mode() == null) { // may ask, over the window
            vm.openOrAsk(r.catalog(), r.defaultCatalog());
        }
    }

    /** The window icons, in the sizes desktops pick from (title bar, task switcher, dock). */
    private static void addIcons(Stage stage) {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            String icon = "/dev/rewind/ui/icons/rewind-" + size + ".png";
            stage.getIcons().add(new Image(RewindApp.class.getResource(icon).toExternalForm()));
        }
    }

    /** The scene with Rewind's stylesheet; tests build windows with it too. */
    public static Scene scene(MainView view) {
        Scene scene = new Scene(view, 1280, 820);
        scene.getStylesheets().addAll(dev.rewind.ui.common.Stylesheets.modenaColours(),
                RewindApp.class.getResource("/dev/rewind/ui/rewind.css").toExternalForm());
        return scene;
    }

    /**
     * Opens a catalog (on a worker thread) and finishes any interrupted serving-dir switch. On first start the
     * default catalog is created with the small demo, so a new user sees something real at once.
     */
    public static CatalogSessions.Opened open(Path path, OpenMode mode) {
        StartupTrace.mark("opening catalog");
        CatalogSessions.Opened opened = new CatalogSessions(SqliteCatalog.opener(), Environment.currentActor(),
                Clock.systemUTC()).open(path, mode);
        StartupTrace.mark("catalog open");
        return opened;
    }

    @Override
    public void stop() {
        if (headStart != null) {
            headStart.discard();
        }
        if (vm != null) {
            vm.close();
        }
    }
}

package dev.rewind.ui;

import dev.rewind.CompositionRoot;
import dev.rewind.catalog.Keyring;
import dev.rewind.catalog.postgres.ServerOrFileOpener;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.cli.Cli;
import dev.rewind.service.CatalogSessions;
import dev.rewind.service.Environment;
import dev.rewind.service.OpenMode;
import dev.rewind.service.ServerPasswords;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: one main window over one catalog. */
@CompositionRoot("opens the catalog the window shows (a SQLite file or a PostgreSQL server) and hands it to the services")
public final class RewindApp extends Application {
    private static volatile Cli.GuiRequest request;
    private static volatile CatalogHeadStart headStart;
    private static volatile ServerPasswords passwords;
    private MainViewModel vm;

    /** Called by {@code Main} when no command is given; returns when the window closes. */
    public static int launchWindow(Cli.GuiRequest r) {
        StartupTrace.mark("command line parsed");
        request = r;
        passwords = new ServerPasswords();
        // the catalog opens while the toolkit starts; a path the window will ask about first is left alone
        OpenMode mode = r.defaultCatalog() ? OpenMode.DEMO_IF_MISSING
                : Files.exists(r.catalog()) ? OpenMode.EXISTING : null;
        headStart = CatalogHeadStart.begin(opener(passwords, System.getenv(), serverLocalRoot(System.getenv())),
                r.catalog(), mode);
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
                new dev.rewind.ui.details.DesktopFolderOpener(),
                PrefsColumnChoices.user("dev/rewind/versions"), passwords);
        if (headStart.mode() != null) { // listed while the window is built and shown
            vm.open(r.catalog(), headStart.mode());
        }
        MainView view = MainView.firstPaintFirst(vm);
        StartupTrace.mark("view built");
        Scene scene = scene(view);
        stage.setScene(scene);
        stage.setTitle("Rewind");
        addIcons(stage, view);
        stage.show();
        StartupTrace.mark("stage shown");
        Runnable[] first = new Runnable[1];
        first[0] = () -> {
            scene.removePostLayoutPulseListener(first[0]);
            StartupTrace.mark("first pulse laid out");
        };
        scene.addPostLayoutPulseListener(first[0]);
        if (r.startupProbe()) {
            StartupProbe.attach(scene, vm, r.probeModel(), view::whenChromeJoins);
        }
        if (headStart.mode() == null) { // may ask, over the window
            vm.openOrAsk(r.catalog(), r.defaultCatalog());
        }
    }

    /**
     * The window icons, in the sizes desktops pick from (title bar, task switcher, dock): decoded on a thread of
     * their own (start-up time: 35-40 ms of the JavaFX thread's CPU before the first frame) and handed to the window
     * with the menus (giving them to the window system took another 9 ms of that thread before the first frame).
     */
    private static void addIcons(Stage stage, MainView view) {
        Thread t = new Thread(() -> {
            List<Image> icons = new ArrayList<>();
            for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
                String icon = "/dev/rewind/ui/icons/rewind-" + size + ".png";
                icons.add(new Image(RewindApp.class.getResource(icon).toExternalForm()));
            }
            Platform.runLater(() -> view.whenChromeJoins(() -> stage.getIcons().addAll(icons)));
        }, "window icons");
        t.setDaemon(true);
        t.start();
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
        return opener(new ServerPasswords(), System.getenv(), serverLocalRoot(System.getenv())).apply(path, mode);
    }

    /**
     * Opens files and {@code postgresql://} addresses, a server with the password typed for it in the window (if
     * any), else {@code env}'s PGPASSWORD or ~/.pgpass; {@code localRoot} holds what this machine keeps per server.
     */
    public static BiFunction<Path, OpenMode, CatalogSessions.Opened> opener(ServerPasswords typed,
                                                                          Map<String, String> env, Path localRoot) {
        return (path, mode) -> {
            StartupTrace.mark("opening catalog");
            Keyring keys = new Keyring(Keyring.defaultDir());
            ServerOrFileOpener files = new ServerOrFileOpener(SqliteCatalog.opener(keys), keys,
                    typed.environment(env, path.toString()), localRoot);
            CatalogSessions.Opened opened = new CatalogSessions(files, Environment.currentActor(), Clock.systemUTC())
                    .open(path, mode);
            StartupTrace.mark("catalog open");
            return opened;
        };
    }

    /** As the command line: REWIND_PG_LOCAL, else beside the default catalog. */
    private static Path serverLocalRoot(Map<String, String> env) {
        return env.containsKey("REWIND_PG_LOCAL") ? Path.of(env.get("REWIND_PG_LOCAL"))
                : Environment.defaultCatalog().resolveSibling("postgresql");
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

package dev.rewind.ui;

import atlantafx.base.theme.PrimerLight;
import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.cli.Cli;
import dev.rewind.service.DemoService;
import dev.rewind.service.Environment;
import dev.rewind.service.Services;
import dev.rewind.ui.common.FxTaskRunner;
import dev.rewind.ui.shell.MainView;
import dev.rewind.ui.shell.MainViewModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one main window over one catalog. */
public final class RewindApp extends Application {
    private static volatile Cli.GuiRequest request;
    private Catalog catalog;

    /** Called by {@code Main} when no command is given; returns when the window closes. */
    public static int launchWindow(Cli.GuiRequest r) {
        request = r;
        Application.launch(RewindApp.class);
        return 0;
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Cli.GuiRequest r = request;
        MainViewModel vm = new MainViewModel(new FxTaskRunner(), () -> openServices(r.catalog()));
        MainView view = new MainView(vm);
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(RewindApp.class.getResource("/dev/rewind/ui/rewind.css").toExternalForm());
        stage.setTitle("Rewind");
        stage.setScene(scene);
        stage.show();
        if (r.startupProbe()) {
            vm.loadingProperty().addListener((o, was, now) -> {
                if (!now) {
                    Platform.runLater(() -> {
                        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                        System.out.println("startup-ms " + ms);
                        Platform.exit();
                    });
                }
            });
        }
        vm.open();
    }

    /** Opens the catalog; a missing one is created with the small demo, so a new user sees something real. */
    private Services openServices(Path path) {
        boolean fresh = !Files.exists(path);
        catalog = SqliteCatalog.open(path, true);
        Services s = new Services(catalog, Environment.currentActor(), Clock.systemUTC());
        if (fresh) {
            s.demo().create(DemoService.Scale.SMALL, 42);
        }
        return s;
    }

    @Override
    public void stop() {
        if (catalog != null) {
            catalog.close();
        }
    }
}

package dev.rewind;

import dev.rewind.catalog.sqlite.NativeLibrary;
import dev.rewind.cli.Cli;
import dev.rewind.service.Environment;
import dev.rewind.ui.RewindApp;
import java.nio.file.Path;
import java.util.Map;

/**
 * Entry point. Not a JavaFX {@code Application} subclass, so a plain jar starts without a module path:
 * with a command it runs the CLI, with none it opens the window.
 */
@CompositionRoot("points the SQLite driver at its per-user native library cache before the driver loads")
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        dev.rewind.ui.common.StartupTrace.mark("main");
        Map<String, String> env = System.getenv();
        Path cache = TopLevel.cacheDir(env);
        Path log = Environment.logFile();
        TopLevel.logTo(log, env);
        TopLevel.handleStrayErrors(System.err, log);
        NativeLibrary.useCache(cache.resolve("sqlite-native"));
        dev.rewind.ui.common.StartupTrace.mark("sqlite library found");
        int code = TopLevel.guarded(() -> Cli.run(args, System.out, System.err, env, RewindApp::launchWindow),
                System.err, log);
        System.exit(code);
    }
}

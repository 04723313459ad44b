package dev.rewind;

import dev.rewind.cli.Cli;
import dev.rewind.ui.RewindApp;

/**
 * Entry point. Not a JavaFX {@code Application} subclass, so a plain jar starts without a module path:
 * with a command it runs the CLI, with none it opens the window.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        dev.rewind.ui.common.StartupTrace.mark("main");
        int code = Cli.run(args, System.out, System.err, System.getenv(), RewindApp::launchWindow);
        System.exit(code);
    }
}

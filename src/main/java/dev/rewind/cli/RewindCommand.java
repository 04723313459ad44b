package dev.rewind.cli;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.RewindException;
import dev.rewind.service.Services;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "rewind", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Browse model versions, compare them, and roll deployments back safely.",
                "With no command, opens the window."},
        subcommands = {InitCommand.class, DemoCommand.class, RegisterCommand.class, ModelsCommand.class,
                VersionsCommand.class, ShowCommand.class, TagCommand.class, UntagCommand.class, TargetCommand.class,
                TargetsCommand.class, DeployCommand.class, RollbackCommand.class, HistoryCommand.class,
                VerifyCommand.class, CompareCommand.class, MetricCommand.class, ImportCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:refused (conflict, rule)", "2:bad input or usage", "3:catalog unreadable"})
public final class RewindCommand implements Callable<Integer> {
    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;
    private final ToIntFunction<Cli.GuiRequest> openGui;

    @Option(names = "--catalog", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "Catalog file (default: $REWIND_CATALOG, else ~/.rewind/catalog.db).")
    Path catalogOption;

    @Option(names = "--startup-probe", hidden = true,
            description = "Open the window, print 'startup-ms N' once it is painted, and exit.")
    boolean startupProbe;

    RewindCommand(PrintStream out, PrintStream err, Map<String, String> env, ToIntFunction<Cli.GuiRequest> openGui) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.openGui = openGui;
    }

    @Override
    public Integer call() {
        return openGui.applyAsInt(new Cli.GuiRequest(catalogPath(), explicitCatalog(), startupProbe));
    }

    boolean explicitCatalog() {
        return catalogOption != null || env.get("REWIND_CATALOG") != null;
    }

    /** --catalog, else $REWIND_CATALOG, else ~/.rewind/catalog.db (whose folder is made on first use). */
    Path catalogPath() {
        if (catalogOption != null) {
            return catalogOption;
        }
        String fromEnv = env.get("REWIND_CATALOG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        Path dir = Path.of(System.getProperty("user.home"), ".rewind");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw RewindException.unreadable("cannot create " + dir + ": " + e.getMessage());
        }
        return dir.resolve("catalog.db");
    }

    /** Opens the catalog and finishes any serving-dir switch a crash interrupted (rule 6). */
    Catalog open(boolean create) {
        Catalog c = SqliteCatalog.open(catalogPath(), create);
        try {
            for (String line : services(c).deployments().finishPendingSwitches()) {
                err.println("rewind: note: finished an interrupted switch: " + line);
            }
        } catch (RewindException e) {
            err.println("rewind: warning: " + e.getMessage());
        }
        return c;
    }

    /** Opens the catalog as it is, repairing nothing (for verify). */
    Catalog openAsIs() {
        return SqliteCatalog.open(catalogPath(), false);
    }

    Services services(Catalog catalog) {
        return new Services(catalog, actor(), Clock.systemUTC());
    }

    Actor actor() {
        return dev.rewind.service.Environment.currentActor(env);
    }
}

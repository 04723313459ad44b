package dev.rewind.cli;

import dev.rewind.domain.Text;
import dev.rewind.CompositionRoot;
import dev.rewind.catalog.Keyring;
import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.postgres.ServerOrFileOpener;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.RewindException;
import dev.rewind.service.CatalogSessions;
import dev.rewind.service.OpenMode;
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

@CompositionRoot("opens the catalog (a SQLite file or a PostgreSQL server) a command works on and hands it to the services")
@Command(name = "rewind", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = VersionInfo.class,
        description = {"Browse model versions, compare them, and roll deployments back safely.",
                "With no command, opens the window."},
        subcommands = {InitCommand.class, DemoCommand.class, RegisterCommand.class, ModelsCommand.class,
                VersionsCommand.class, ShowCommand.class, TagCommand.class, UntagCommand.class, TargetCommand.class,
                TargetsCommand.class, DeployCommand.class, RollbackCommand.class, HistoryCommand.class,
                VerifyCommand.class, CompareCommand.class, MetricCommand.class, ImportCommand.class, PathCommand.class,
                SearchCommand.class, CatalogCommand.class, AdminCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        footer = "", // a blank line closes the help, so what the shell prints next stands apart from the exit codes
        exitCodeList = {"0:success", "1:refused (conflict, rule)", "2:bad input or usage", "3:catalog unreadable, or read-only for a change", "4:move recorded, serving-dir switch pending (verify --repair)"})
public final class RewindCommand implements Callable<Integer> {
    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;
    private final ToIntFunction<Cli.GuiRequest> openGui;

    @Option(names = "--catalog", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "Catalog file, or postgresql://HOST[:PORT]/DB for a team catalog (default: $REWIND_CATALOG,"
                    + " else ~/.rewind/catalog.db).")
    Path catalogOption;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On an unexpected error, print its stack trace to stderr too (it always goes to"
                    + " ~/.rewind/rewind.log).")
    boolean debug;

    @Option(names = "--startup-probe", hidden = true,
            description = "Open the window, print 'startup-ms N' once it is painted, and exit.")
    boolean startupProbe;

    @Option(names = "--model", paramLabel = "NAME", hidden = true,
            description = "With --startup-probe: then select this model and print 'model-ms M' once its timeline"
                    + " is painted.")
    String probeModel;

    RewindCommand(PrintStream out, PrintStream err, Map<String, String> env, ToIntFunction<Cli.GuiRequest> openGui) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.openGui = openGui;
    }

    @Override
    public Integer call() {
        return openGui.applyAsInt(new Cli.GuiRequest(catalogPath(), explicitCatalog(), startupProbe, probeModel));
    }

    /**
     * Sets the window's options when {@code args} holds nothing else ({@code --catalog}, {@code --debug}, the
     * probe's), each once, as picocli would; false (nothing set) for anything else, which picocli then parses.
     */
    boolean takeWindowOptions(String[] args) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        String catalog = null;
        String model = null;
        boolean probe = false;
        boolean debugging = false;
        for (int i = 0; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            String name = eq < 0 ? args[i] : args[i].substring(0, eq);
            if (!seen.add(name)) {
                return false;
            }
            switch (name) {
                case "--startup-probe", "--debug" -> {
                    if (eq >= 0) {
                        return false;
                    }
                    probe |= name.equals("--startup-probe");
                    debugging |= name.equals("--debug");
                }
                case "--catalog", "--model" -> {
                    if (eq < 0 && i + 1 == args.length) {
                        return false;
                    }
                    String value = eq >= 0 ? args[i].substring(eq + 1) : args[++i];
                    if (name.equals("--catalog")) {
                        catalog = value;
                    } else {
                        model = value;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        try {
            catalogOption = catalog == null ? null : Path.of(catalog);
        } catch (java.nio.file.InvalidPathException e) { // picocli says what is wrong with it
            return false;
        }
        probeModel = model;
        startupProbe = probe;
        debug = debugging;
        return true;
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
        Path dir = dev.rewind.service.Environment.defaultCatalog().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw RewindException.unreadable("cannot create " + dir + ": " + e.getMessage());
        }
        return dev.rewind.service.Environment.defaultCatalog();
    }

    /** A file catalog, or a PostgreSQL one for a {@code postgresql://} address. */
    private ServerOrFileOpener opener() {
        Keyring keys = new Keyring(env.containsKey(Keyring.DIR_SETTING) ? Path.of(env.get(Keyring.DIR_SETTING))
                : Keyring.defaultDir());
        // what this machine keeps per server catalog (artifacts, serving dirs, head file); REWIND_PG_LOCAL moves it
        Path local = env.containsKey("REWIND_PG_LOCAL") ? Path.of(env.get("REWIND_PG_LOCAL"))
                : dev.rewind.service.Environment.defaultCatalog().resolveSibling("postgresql");
        return new ServerOrFileOpener(SqliteCatalog.opener(keys), keys, env, local);
    }

    /** Copies whole catalogs, telling of tables of at least {@code progressRows} rows. */
    dev.rewind.service.CatalogCopyService copier(long progressRows) {
        return new dev.rewind.service.CatalogCopyService(opener(), progressRows);
    }

    /** Whether the catalog is a PostgreSQL address rather than a file. */
    boolean serverCatalog() {
        return opener().address(catalogPath()) != null;
    }

    boolean catalogExists() {
        return opener().exists(catalogPath());
    }

    /** Opens the catalog (an empty one is made when {@code create}) and reports what opening repaired. */
    Services open(boolean create) {
        return open(create ? OpenMode.CREATE_EMPTY : OpenMode.EXISTING);
    }

    /** Opens the catalog only to read it (read commands): no side files, works for a read-only user. */
    Services openForReading() {
        return open(OpenMode.READ_ONLY);
    }

    /** Opens the catalog only to read it, repairing nothing (verify without --repair). */
    Services openForInspection() {
        return open(OpenMode.INSPECT);
    }

    /** Opens the catalog as it is, repairing nothing (for verify). */
    Services openAsIs() {
        return open(OpenMode.AS_IS);
    }

    private Services open(OpenMode mode) {
        CatalogSessions.Opened opened = new CatalogSessions(opener(), actor(), Clock.systemUTC())
                .open(catalogPath(), mode);
        for (CatalogSessions.Note n : opened.notes()) {
            err.println(switch (n.kind()) {
                case REPAIRED -> "rewind: note: finished an interrupted switch: " + Text.escape(n.text());
                case WARNING -> "rewind: warning: " + Text.escape(n.text());
            });
        }
        return opened.services();
    }

    Actor actor() {
        return dev.rewind.service.Environment.currentActor(env);
    }
}

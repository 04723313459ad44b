package dev.rewind.cli;

import dev.rewind.domain.RewindException;
import dev.rewind.domain.Text;
import dev.rewind.service.Environment;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the command line in-process: parses, dispatches, maps failures to one-line messages and exit codes. */
public final class Cli {
    private static final System.Logger LOG = System.getLogger(Cli.class.getName());
    private Cli() {
    }

    /**
     * Options that decide how the window opens when no command is given; {@code probeModel} (or null): with the
     * start-up probe, the model it then opens and times.
     */
    public record GuiRequest(Path catalog, boolean explicitCatalog, boolean startupProbe, String probeModel) {
        /** The default catalog is opened (and made, with the demo) without asking; any other is asked about. */
        public boolean defaultCatalog() {
            return !explicitCatalog || catalog.toAbsolutePath().normalize().equals(Environment.defaultCatalog());
        }
    }

    /**
     * Runs {@code args}; when no command is given, hands the GUI request to {@code openGui} and returns what it
     * returns (the GUI's exit code) — the CLI itself never touches JavaFX.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
                          java.util.function.ToIntFunction<GuiRequest> openGui) {
        RewindCommand root = new RewindCommand(out, err, env, openGui);
        // the window's own options alone skip picocli's model of every command: over a second of start-up on a
        // busy 2-core machine (its classes are too old for the class-data archive); anything else goes to picocli
        if (root.takeWindowOptions(args)) {
            try {
                return root.call();
            } catch (RuntimeException e) {
                return failed(e, root, err, env);
            }
        }
        return commandLine(root, out, err, env).execute(args);
    }

    /** The one place the command line is built and configured: the CLI runs it, the build documents it. */
    static CommandLine commandLine(RewindCommand root, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // '@file' arguments would read any file into a reason or a name: every argument is taken literally
        cl.setExpandAtFiles(false);
        // -h and --help are known to every sub-command: an option's value that looks like an option or a command
        // ("--description --help", "--reason deploy") is still that option's value, for the name and text rules
        cl.setAllowOptionsAsOptionParameters(true);
        cl.setAllowSubcommandsAsOptionParameters(true);
        cl.setUnmatchedOptionsAllowedAsOptionParameters(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            // one line, like every other error, so a script or a log sees exactly one
            err.println("rewind: " + Text.escape(firstLine(ex.getMessage())) + " (try '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return RewindException.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> failed(ex, root, err, env));
        return cl;
    }

    private static int failed(Exception ex, RewindCommand root, PrintStream err, Map<String, String> env) {
        if (ex instanceof RewindException re) {
            // the whole message, escaped: a line break in it came from data and must not forge a line
            err.println("rewind: " + Text.escape(re.getMessage()));
            return re.exitCode();
        }
        LOG.log(System.Logger.Level.ERROR, "unexpected error", ex);
        err.println("rewind: unexpected error: " + Text.escape(firstLine(String.valueOf(ex))) + " (details in "
                + Environment.logFile() + (root.debug ? "" : "; --debug prints them here") + ")");
        if (root.debug || env.containsKey("REWIND_DEBUG")) {
            ex.printStackTrace(err);
        }
        return RewindException.REFUSED;
    }

    static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    static void each(Iterable<String> lines, Consumer<String> sink) {
        lines.forEach(sink);
    }
}

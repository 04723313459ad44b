package dev.rewind.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Run by the build (prepare-package), not by users: writes the bash completion script and the man pages (AsciiDoc,
 * one per command) from the same command tree the CLI runs, so they cannot drift from {@code --help}.
 * picocli-codegen is a build-only dependency: nothing else loads this class.
 */
public final class HelpFiles {
    private HelpFiles() {
    }

    /** {@code HelpFiles OUT_DIR VERSION}: writes OUT_DIR/completion/rewind and OUT_DIR/man/*.adoc. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        CommandLine cl = Cli.commandLine(new RewindCommand(System.out, System.err, Map.of(), gui -> 0),
                System.out, System.err, Map.of());
        // the build runs this from classes, without the jar manifest that --version reads
        stampVersion(cl, "rewind " + args[1]);
        Files.createDirectories(out.resolve("completion"));
        Files.writeString(out.resolve("completion/rewind"), completion(cl), StandardCharsets.UTF_8);
        File man = out.resolve("man").toFile();
        int code = ManPageGenerator.generateManPage(man, null, new boolean[0], true, cl.getCommandSpec());
        if (code != 0) {
            throw new IOException("man page generator exited " + code);
        }
    }

    private static void stampVersion(CommandLine cl, String version) {
        cl.getCommandSpec().versionProvider(() -> new String[] {version});
        cl.getSubcommands().values().forEach(sub -> stampVersion(sub, version));
    }

    static String completion(CommandLine cl) {
        return AutoComplete.bash("rewind", cl);
    }
}

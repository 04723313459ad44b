package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The files the build writes from the command tree: the bash completion script and the man pages. */
class HelpFilesTest {
    @TempDir
    Path dir;

    private static CommandLine tree() {
        return Cli.commandLine(new RewindCommand(System.out, System.err, Map.of(), r -> 0), System.out, System.err,
                Map.of());
    }

    /** Every command path below {@code cl}, its words joined by {@code sep}. */
    private static void names(CommandLine cl, String prefix, String sep, List<String> out) {
        cl.getSubcommands().forEach((name, sub) -> {
            out.add(prefix + name);
            names(sub, prefix + name + sep, sep, out);
        });
    }

    @Test
    void theCompletionScriptKnowsEveryCommandAndSubCommand() {
        String script = HelpFiles.completion(tree());
        List<String> commands = new ArrayList<>();
        names(tree(), "", " ", commands);
        assertThat(commands).contains("target add", "import mlflow", "metric set-direction").hasSizeGreaterThan(20);
        for (String command : commands) {
            assertThat(script).as(command).contains("\"${COMP_WORDS[0]} " + command + "\"");
        }
        assertThat(script).contains("complete -F _complete_rewind");
    }

    @Test
    void bashCompletesCommandsAndSubCommandsWithIt() throws Exception {
        Path script = Files.writeString(dir.resolve("rewind"), HelpFiles.completion(tree()));
        assertThat(complete(script, "rewind", "tar")).isEqualTo("target targets");
        assertThat(complete(script, "rewind", "target", "")).isEqualTo("add link protect unprotect guard check retire");
        assertThat(complete(script, "rewind", "deploy", "--ex")).isEqualTo("--expect");
    }

    /** What bash offers for the last word, with the script sourced as bash-completion would. */
    private String complete(Path script, String... words) throws IOException, InterruptedException {
        String line = String.join(" ", words);
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append('\'');
        }
        String program = "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + array + "); COMP_CWORD="
                + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE};"
                + " _complete_rewind 2>/dev/null; echo \"${COMPREPLY[*]}\"";
        Process p = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void theBuildWritesTheCompletionAndAManPagePerCommand() throws Exception {
        HelpFiles.main(new String[] {dir.toString(), "9.9.9"});
        assertThat(Files.readString(dir.resolve("completion/rewind"))).isEqualTo(HelpFiles.completion(tree()));
        List<String> commands = new ArrayList<>();
        names(tree(), "rewind-", "-", commands);
        commands.add("rewind");
        for (String command : commands) {
            Path page = dir.resolve("man/" + command + ".adoc");
            assertThat(page).as(command).exists();
            assertThat(Files.readString(page)).as(command).contains("= " + command + "(1)", "rewind 9.9.9");
        }
    }
}

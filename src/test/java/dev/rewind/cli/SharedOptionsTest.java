package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --json, --reason and --expect are declared once and reach every command that takes them, with one help text. */
class SharedOptionsTest {
    private final CommandLine root = new CommandLine(new RewindCommand(System.out, System.err, Map.of(), r -> 0));

    @Test
    void everyCommandThatTakesASharedOptionShowsTheSameHelp() {
        for (String command : List.of("compare", "deploy", "history", "import mlflow", "metric directions", "models",
                "register", "rollback", "show", "targets", "verify", "versions")) {
            assertThat(usage(command)).as(command).contains("--json", "Print the result as JSON, for scripts.");
        }
        for (String command : List.of("deploy", "rollback", "tag", "untag")) {
            assertThat(usage(command)).as(command).contains("--reason=T", "Why; kept in the history with the change.");
        }
        for (String command : List.of("deploy", "rollback")) {
            assertThat(usage(command)).as(command)
                    .contains("--expect=V", "The version you believe is live ('none' if nothing is);");
        }
        assertThat(usage("init")).doesNotContain("--json", "--reason", "--expect");
    }

    private String usage(String command) {
        CommandLine c = root;
        for (String name : command.split(" ")) {
            c = c.getSubcommands().get(name);
        }
        return c.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }
}

package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command and sub-command answers --help and -h with its own usage, exit 0, and writes nothing. */
class HelpCliTest {
    @TempDir
    Path dir;

    private static void walk(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(path);
        cl.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) { // aliases would repeat a command
                List<String> next = new ArrayList<>(path);
                next.add(name);
                walk(sub, next, out);
            }
        });
    }

    @Test
    void everyCommandInTheTreeAnswersHelp() {
        CliRun cli = new CliRun(dir.resolve("c.db"));
        List<List<String>> commands = new ArrayList<>();
        walk(new CommandLine(new RewindCommand(System.out, System.err, java.util.Map.of(), r -> 0)), List.of(),
                commands);
        assertThat(commands).hasSizeGreaterThan(20);
        for (List<String> command : commands) {
            for (String flag : new String[] {"--help", "-h"}) {
                List<String> args = new ArrayList<>(command);
                args.add(flag);
                CliRun.Result r = cli.run(args.toArray(String[]::new));
                String name = String.join(" ", command);
                assertThat(r.code()).as("rewind %s %s: %s", name, flag, r).isZero();
                assertThat(r.out()).as("rewind %s %s", name, flag)
                        .contains("Usage: rewind" + (command.isEmpty() ? "" : " " + name));
                assertThat(r.err()).as("rewind %s %s", name, flag).isEmpty();
            }
        }
        assertThat(Files.exists(dir.resolve("c.db"))).as("help opens no catalog").isFalse();
        System.out.printf("help: %d commands answered --help and -h%n", commands.size());
    }

    @Test
    void aUsageErrorInASubCommandPointsAtThatSubCommandsHelp() {
        CliRun.Result r = new CliRun(dir.resolve("c.db")).run("target", "add", "m");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").endsWith("(try 'rewind target add --help')");
    }
}

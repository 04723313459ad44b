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
        walk(root(), List.of(), commands);
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
    void aCommandGroupWithoutASubCommandShowsItsUsageAndExits2() {
        CliRun cli = new CliRun(dir.resolve("c.db"));
        List<String> groups = new ArrayList<>();
        root().getSubcommands().forEach((name, sub) -> {
            if (!sub.getSubcommands().isEmpty()) {
                groups.add(name);
            }
        });
        assertThat(groups).contains("target", "import", "metric");
        for (String group : groups) {
            CliRun.Result r = cli.run(group);
            assertThat(r.code()).as("rewind %s: %s", group, r).isEqualTo(2);
            assertThat(r.out()).as("rewind %s", group).isEmpty();
            assertThat(r.err()).as("rewind %s", group).startsWith("rewind: 'rewind " + group + "' needs a command\n")
                    .contains("Usage: rewind " + group, "Commands:");
            root().getSubcommands().get(group).getSubcommands().keySet()
                    .forEach(sub -> assertThat(r.err()).as("rewind %s lists %s", group, sub).contains("  " + sub + " "));
        }
        assertThat(Files.exists(dir.resolve("c.db"))).isFalse();
    }

    @Test
    void theTopLevelListShowsEachCommandsWholeFirstSentenceAndTheHelpEndsWithALineBreak() {
        CliRun.Result r = new CliRun(dir.resolve("c.db")).run("--help");
        // the list shows only the first description line of a command: it must be a whole sentence
        root().getSubcommands().forEach((name, sub) -> assertThat(sub.getCommandSpec().usageMessage().description()[0])
                .as("first description line of %s", name).matches("[A-Z].*[.)]"));
        assertThat(r.out()).contains("verify    Check the catalog, its history, artifacts and serving dirs.\n")
                .endsWith("(verify --repair)\n\n");
    }

    @Test
    void anOptionsValueThatLooksLikeHelpOrACommandIsStillItsValue() throws Exception {
        CliRun cli = new CliRun(dir.resolve("c.db"));
        String artifact = Files.writeString(dir.resolve("m.pkl"), "w").toString();
        assertThat(cli.run("init").code()).isZero();
        CliRun.Result r = cli.run("register", "fraud", "1", "--artifact", artifact, "--description", "--help");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(cli.run("tag", "fraud", "1", "stable", "--reason", "-h").code()).isZero();
        assertThat(cli.run("tag", "fraud", "1", "k=v", "--reason", "deploy").code()).isZero();
        assertThat(cli.run("show", "fraud", "1").out()).contains("description  --help");
        assertThat(cli.run("history", "fraud").out()).contains(" -h", " deploy");
    }

    private static CommandLine root() {
        return new CommandLine(new RewindCommand(System.out, System.err, java.util.Map.of(), r -> 0));
    }

    @Test
    void aUsageErrorInASubCommandPointsAtThatSubCommandsHelp() {
        CliRun.Result r = new CliRun(dir.resolve("c.db")).run("target", "add", "m");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").endsWith("(try 'rewind target add --help')");
    }
}

package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.service.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** An unexpected error is one line and a logged trace; --debug (anywhere on the line) also prints the trace. */
class DebugCliTest {
    /** A command with a bug in it: what any command would do if a service threw something unexpected. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug\nsecond line of the message");
        }
    }

    private record Run(int code, String err, List<LogRecord> logged) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<LogRecord> logged = new ArrayList<>();
        Logger cli = Logger.getLogger(Cli.class.getName());
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        cli.addHandler(h);
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            RewindCommand root = new RewindCommand(o, e, Map.of(), r -> 0);
            CommandLine cl = Cli.commandLine(root, o, e, Map.of());
            cl.addSubcommand("boom", new Boom());
            int code = cl.execute(args);
            return new Run(code, err.toString(StandardCharsets.UTF_8), logged);
        } finally {
            cli.removeHandler(h);
        }
    }

    @Test
    void withoutDebugTheUserSeesOneLineAndTheLogGetsTheTrace() {
        Run r = run("boom");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("rewind: unexpected error: java.lang.IllegalStateException: a bug")
                .contains(Environment.logFile().toString()).contains("--debug");
        assertThat(r.logged()).singleElement().satisfies(l ->
                assertThat(l.getThrown()).hasMessageContaining("a bug"));
    }

    @Test
    void debugBeforeOrAfterTheCommandAlsoPrintsTheTrace() {
        for (String[] args : new String[][] {{"--debug", "boom"}, {"boom", "--debug"}}) {
            Run r = run(args);
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).as(String.join(" ", args))
                    .startsWith("rewind: unexpected error: java.lang.IllegalStateException: a bug")
                    .contains("second line of the message").contains("\tat " + Boom.class.getName());
            assertThat(r.logged()).hasSize(1);
        }
    }

    @Test
    void debugIsOfferedInTheHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(Cli.run(new String[] {"models", "--help"}, o, o, Map.of(), r -> 0)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--debug");
    }
}

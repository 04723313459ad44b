package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The window's options reach the window the same way with or without picocli (the start-up shortcut), and
 * anything the shortcut does not take still gets picocli's answer.
 */
class WindowOptionsCliTest {
    private final List<Cli.GuiRequest> opened = new ArrayList<>();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Cli.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("HOME", "/nonexistent"),
                r -> {
                    opened.add(r);
                    return 7;
                });
    }

    @Test
    void theProbesOptionsReachTheWindow() {
        assertThat(run("--catalog", "a.db", "--startup-probe", "--model", "recsys-ranker-xl")).isEqualTo(7);
        assertThat(run("--model=m", "--catalog=b.db", "--debug")).isEqualTo(7);
        assertThat(opened).containsExactly(new Cli.GuiRequest(Path.of("a.db"), true, true, "recsys-ranker-xl"),
                new Cli.GuiRequest(Path.of("b.db"), true, false, "m"));
        // picocli's reading of the same line is the same request
        RewindCommand root = new RewindCommand(System.out, System.err, Map.of(), r -> 0);
        Cli.commandLine(root, System.out, System.err, Map.of())
                .parseArgs("--catalog", "a.db", "--startup-probe", "--model", "recsys-ranker-xl");
        assertThat(new Cli.GuiRequest(root.catalogPath(), root.explicitCatalog(), root.startupProbe, root.probeModel))
                .isEqualTo(opened.get(0));
    }

    @Test
    void whatTheShortcutDoesNotTakeGetsPicocliSAnswer() {
        assertThat(run("--catalog", "a.db", "--catalog", "b.db")).isEqualTo(2);
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(run("--catalog")).isEqualTo(2);
        assertThat(run("--startup-probe=yes")).isEqualTo(2);
        assertThat(opened).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("rewind: ").contains("--help");
    }
}

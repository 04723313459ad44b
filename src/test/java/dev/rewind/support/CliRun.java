package dev.rewind.support;

import dev.rewind.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command line in-process against one catalog and captures what it prints. */
public final class CliRun {
    private final Path catalog;
    private final Map<String, String> env = new HashMap<>();

    public CliRun(Path catalog) {
        this.catalog = catalog;
        env.put("REWIND_CATALOG", catalog.toString());
        env.put("REWIND_ACTOR", "tester");
        env.put("REWIND_HOST", "test-host");
    }

    public Path catalog() {
        return catalog;
    }

    /** Sets one more environment variable for the commands run. */
    public CliRun with(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliRun as(String actor) {
        env.put("REWIND_ACTOR", actor);
        return this;
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Cli.run(args, o, e, env, r -> {
                throw new AssertionError("the CLI tried to open the window");
            });
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}

package dev.rewind.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

/**
 * Child process of the concurrency test: runs the real CLI in a loop (tag, deploy and rollback with --expect)
 * and prints one line per operation: {@code op KIND EXIT first-line-of-stderr} (for a move that changed
 * nothing: {@code unchanged: ...}).
 */
public final class StressWorker {
    private StressWorker() {
    }

    public static void main(String[] args) throws Exception {
        String db = args[0];
        Random rnd = new Random(Long.parseLong(args[1]));
        int ops = Integer.parseInt(args[2]);
        // a PostgreSQL catalog keeps what belongs beside it in the test's folder (the fourth argument), not in ~
        Map<String, String> env = Map.of("REWIND_CATALOG", db, "REWIND_ACTOR", "worker-" + args[1], "REWIND_HOST", "h",
                "REWIND_PG_LOCAL", args.length > 3 ? args[3] : System.getProperty("java.io.tmpdir"));
        String[] labels = {"1.0", "1.1", "2.0"};
        ObjectMapper json = new ObjectMapper();
        System.out.println("ready");
        for (int i = 0; i < ops; i++) {
            int pick = rnd.nextInt(10);
            String kind;
            String[] cmd;
            if (pick < 4) {
                kind = "tag";
                cmd = new String[] {"tag", "m", labels[rnd.nextInt(3)], "note=" + args[1] + "-" + i, "--reason", "stress"};
            } else {
                Run live = run(env, "targets", "m", "--json");
                JsonNode targets = json.readTree(live.out);
                String current = null;
                for (JsonNode t : targets) {
                    if (t.get("target").asText().equals("production") && !t.get("version").isNull()) {
                        current = t.get("version").asText();
                    }
                }
                String expect = current == null ? "none" : current;
                if (pick < 7) {
                    kind = "deploy";
                    cmd = new String[] {"deploy", "m", "production", labels[rnd.nextInt(3)], "--expect", expect,
                        "--reason", "stress " + i};
                } else {
                    kind = "rollback";
                    cmd = new String[] {"rollback", "m", "production", "--expect", expect, "--reason", "stress " + i};
                }
            }
            Run r = run(env, cmd);
            String err = r.err.lines().filter(l -> !l.startsWith("rewind: note:")).findFirst().orElse("");
            if (r.code == 0 && r.out.contains("already serves")) {
                // a move to the live version succeeds without an event; the test must not count it as one
                err = "unchanged: " + r.out.strip();
            }
            System.out.println("op " + kind + " " + r.code + " " + err);
        }
        System.out.flush();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, r -> 99);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

package dev.rewind.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs README commands in order in one bash session, as a reader pasting them into a terminal would (an
 * {@code export} or {@code cd} carries over), in a fresh folder with its own home, catalog and keys, and with
 * {@code rewind} on the PATH being the CLI under test. Each command's exit code and output are kept apart.
 */
final class ReadmeSession {
    private static final String MARK = "@@readme-line ";

    /** What one command printed (stdout and stderr together) and how it exited. */
    record Outcome(ReadmeBlocks.Example example, int exit, String output) {
    }

    private final Path root;

    ReadmeSession(Path root) {
        this.root = root;
    }

    List<Outcome> run(List<ReadmeBlocks.Example> examples, long timeoutSeconds) throws Exception {
        Path work = Files.createDirectories(root.resolve("work"));
        Path home = Files.createDirectories(root.resolve("home"));
        Path codes = root.resolve("exit-codes");
        StringBuilder script = new StringBuilder("cd ").append(quote(work)).append('\n');
        for (int i = 0; i < examples.size(); i++) {
            script.append("echo '").append(MARK).append(i).append("'\n")
                    .append(examples.get(i).command()).append('\n')
                    .append("echo \"").append(i).append(" $?\" >> ").append(quote(codes)).append('\n');
        }
        Path file = Files.writeString(root.resolve("readme.sh"), script);
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).directory(work.toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(root.resolve("output.txt").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("REWIND_") || k.equals("DISPLAY") || k.startsWith("XDG_"));
        env.put("HOME", home.toString());
        env.put("TMPDIR", Files.createDirectories(root.resolve("tmp")).toString());
        env.put("PATH", cliOnPath() + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("REWIND_CATALOG", work.resolve("catalog.db").toString());
        env.put("REWIND_KEYS_DIR", root.resolve("keys").toString());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the README examples did not finish in " + timeoutSeconds + " s; output:\n"
                    + Files.readString(root.resolve("output.txt")));
        }
        return outcomes(examples, codes);
    }

    private List<Outcome> outcomes(List<ReadmeBlocks.Example> examples, Path codes) throws IOException {
        Map<Integer, Integer> exits = new HashMap<>();
        if (Files.exists(codes)) {
            for (String l : Files.readAllLines(codes)) {
                String[] f = l.split(" ");
                exits.put(Integer.parseInt(f[0]), Integer.parseInt(f[1]));
            }
        }
        Map<Integer, StringBuilder> printed = new HashMap<>();
        StringBuilder current = new StringBuilder();
        for (String l : Files.readAllLines(root.resolve("output.txt"), StandardCharsets.UTF_8)) {
            if (l.startsWith(MARK)) {
                current = printed.computeIfAbsent(Integer.parseInt(l.substring(MARK.length())), k -> new StringBuilder());
            } else {
                current.append(l).append('\n');
            }
        }
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            // -1: the session ended before this command reported (an earlier one exited the shell)
            out.add(new Outcome(examples.get(i), exits.getOrDefault(i, -1),
                    printed.getOrDefault(i, new StringBuilder()).toString()));
        }
        return out;
    }

    /**
     * A {@code rewind} script running the CLI from this test run's classpath (the jar is only built by
     * {@code package}); {@code user.home} follows {@code HOME}, as Java itself reads it from the password file.
     */
    private Path cliOnPath() throws IOException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String script = "#!/bin/sh\nexec " + quote(java) + " -cp " + quote(System.getProperty("java.class.path"))
                + " -Duser.home=\"$HOME\" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto " + dev.rewind.Main.class.getName() + " \"$@\"\n";
        Path rewind = Files.writeString(bin.resolve("rewind"), script);
        Files.setPosixFilePermissions(rewind, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private static String quote(Object s) {
        return "'" + s.toString().replace("'", "'\\''") + "'";
    }
}

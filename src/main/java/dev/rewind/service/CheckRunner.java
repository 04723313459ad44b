package dev.rewind.service;

import dev.rewind.domain.CheckResult;
import dev.rewind.domain.TargetCheck;
import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a target's post-switch check through {@code /bin/sh -c} with the move in its environment. */
final class CheckRunner {
    private static final System.Logger LOG = System.getLogger(CheckRunner.class.getName());
    private static final int MAX_OUTPUT = 200;

    CheckResult run(TargetCheck check, Map<String, String> env) {
        Path log = null;
        try {
            log = Files.createTempFile("rewind-check-", ".log");
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", check.command()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(check.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                // the shell's children (a sleep, a curl) would outlive it and keep the output file open
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new CheckResult(check.command(), CheckResult.Outcome.TIMED_OUT, -1,
                        "no answer within " + check.timeout().toSeconds() + " s");
            }
            int exit = p.exitValue();
            return new CheckResult(check.command(), exit == 0 ? CheckResult.Outcome.PASSED
                    : CheckResult.Outcome.FAILED, exit, lastLine(log));
        } catch (IOException e) {
            return new CheckResult(check.command(), CheckResult.Outcome.FAILED, -1, "could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CheckResult(check.command(), CheckResult.Outcome.FAILED, -1, "interrupted");
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException e) {
                    LOG.log(Level.DEBUG, "could not remove " + log, e);
                }
            }
        }
    }

    /** The last non-blank line printed, made one safe line: it is shown in history tables and dialogs. */
    private static String lastLine(Path log) throws IOException {
        String[] lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].replaceAll("\\p{Cntrl}", " ").strip();
            if (!l.isEmpty()) {
                return l.length() > MAX_OUTPUT ? l.substring(0, MAX_OUTPUT) + "…" : l;
            }
        }
        return "";
    }
}

package dev.rewind.importer.gto;

import dev.rewind.domain.RewindException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@code git} command line on a repository, only ever to read it: GTO users have git, it reads every
 * repository layout git itself reads (packs, alternates, worktrees), and it keeps the installed package free of a
 * Java git library. Optional locks are off, so not even the index is refreshed; hooks and fsmonitor are disabled.
 */
final class Git {
    private static final System.Logger LOG = System.getLogger(Git.class.getName());

    private final String executable;
    private final Path repo;

    Git(String executable, Path repo) {
        this.executable = executable;
        this.repo = repo;
    }

    /** What git printed on its standard output, and its exit code. */
    record Result(int exit, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    /** Runs {@code git ARGS} in the repository, with {@code input} on its standard input (may be null). */
    Result run(String input, String... args) {
        List<String> command = new ArrayList<>(List.of(executable, "--no-pager", "-c", "core.fsmonitor=false",
                "-c", "core.hooksPath=/dev/null", "-C", repo.toString()));
        command.addAll(List.of(args));
        Path err = null;
        try {
            err = Files.createTempFile("rewind-git-", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
            Map<String, String> env = pb.environment();
            env.put("GIT_OPTIONAL_LOCKS", "0");
            env.put("GIT_TERMINAL_PROMPT", "0");
            env.put("LC_ALL", "C");
            env.remove("GIT_DIR");
            env.remove("GIT_WORK_TREE");
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot start " + executable, e);
                throw RewindException.refused("cannot import " + repo + ": the git command is not installed (or"
                        + " not on PATH); GTO registries are read with git");
            }
            Thread writer = null;
            if (input != null) {
                writer = new Thread(() -> {
                    try (var in = p.getOutputStream()) {
                        in.write(input.getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        LOG.log(System.Logger.Level.DEBUG, "git stopped reading its input", e);
                    }
                }, "git-input");
                writer.start();
            } else {
                p.getOutputStream().close();
            }
            byte[] out;
            try (InputStream s = p.getInputStream()) {
                out = s.readAllBytes();
            }
            int exit = p.waitFor();
            if (writer != null) {
                writer.join();
            }
            return new Result(exit, out, Files.readString(err, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run git on " + repo, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RewindException.refused("import of " + repo + " interrupted; nothing was imported");
        } finally {
            if (err != null) {
                try {
                    Files.deleteIfExists(err);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "cannot remove " + err, e);
                }
            }
        }
    }

    /** Like {@link #run}, but a failure is one line naming the repository and git's first complaint. */
    Result read(String input, String... args) {
        Result r = run(input, args);
        if (r.exit() != 0) {
            throw RewindException.badInput("cannot import " + repo + ": git " + args[0] + " failed: "
                    + firstLine(r.err()) + "; nothing was imported");
        }
        return r;
    }

    static String firstLine(String s) {
        String line = s == null || s.isBlank() ? "no message" : s.strip().lines().findFirst().orElse("");
        return line.replaceFirst("^(fatal|error): ", "");
    }
}

package dev.rewind.importer.gto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small git repositories made with the git command for tests: commits and annotated tags at chosen times. */
final class GitFixture {
    final Path repo;

    GitFixture(Path repo) throws IOException {
        this.repo = Files.createDirectories(repo);
        git("init", "-q", "-b", "main");
    }

    /** A commit of {@code file} with {@code content}; returns its id. */
    String commit(String file, String content, long epochSeconds) throws IOException {
        Files.writeString(repo.resolve(file), content);
        git("add", file);
        gitAt(epochSeconds, "commit", "-q", "-m", "change " + file);
        return git("rev-parse", "HEAD").strip();
    }

    /** An annotated tag on {@code commit} by {@code tagger}, dated {@code epochSeconds} (with a +0200 zone). */
    void tag(String name, String commit, long epochSeconds, String tagger, String message) throws IOException {
        run(Map.of("GIT_COMMITTER_DATE", epochSeconds + " +0200", "GIT_COMMITTER_NAME", tagger,
                "GIT_COMMITTER_EMAIL", tagger.toLowerCase().replace(' ', '.') + "@example.com"),
                "tag", "-a", name, commit, "-m", message);
    }

    String git(String... args) throws IOException {
        return run(Map.of(), args);
    }

    private String gitAt(long epochSeconds, String... args) throws IOException {
        return run(Map.of("GIT_COMMITTER_DATE", epochSeconds + " +0000", "GIT_AUTHOR_DATE", epochSeconds + " +0000"),
                args);
    }

    private String run(Map<String, String> env, String... args) throws IOException {
        return run(repo, env, args);
    }

    static String run(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=t@example.com",
                "-c", "tag.gpgSign=false", "-c", "commit.gpgSign=false"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException("git " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }

    /** The repository's refs and object counts: what an import must leave as it found them. */
    static String state(Path repo) throws IOException {
        return run(repo, Map.of(), "for-each-ref", "--format=%(refname) %(objectname)") + "\n"
                + run(repo, Map.of(), "count-objects", "-v") + "\n" + run(repo, Map.of(), "status", "--porcelain");
    }
}

package dev.rewind.importer.gto;

import dev.rewind.domain.RewindException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Moves a GTO stage the way {@code gto assign} does: the next assignment tag {@code NAME#STAGE#N}, annotated with
 * GTO's message, on the version's registration commit. The stage is read back with {@link GtoReader} and
 * {@link StageRule}, so Rewind and GTO agree on what it holds. Tags are only created, never moved or deleted;
 * pushing them is left to the person.
 */
public final class GtoAssignments {
    private static final int ATTEMPTS = 5;
    private final String git;

    public GtoAssignments(String git) {
        this.git = git;
    }

    /** The version GTO's rule gives the stage now (empty: none). */
    public Optional<String> current(Path repo, String artifact, String stage) {
        StageRule rule = new StageRule();
        new GtoReader(git).read(repo).events().forEach(rule::apply);
        return Optional.ofNullable(rule.current(artifact, stage));
    }

    /**
     * Assigns the version {@code wanted} answers (asked again on each attempt) to the stage, unless GTO's rule already
     * gives it; returns what the stage held before. A tag name another writer took first is retried with the next
     * number. {@code tagger} is "Name <email>".
     */
    public Optional<String> assign(Path repo, String artifact, String stage, Supplier<String> wanted, String reason,
                                   String taggerName, String taggerEmail) {
        Git g = new Git(git, repo.toAbsolutePath().normalize());
        Optional<String> before = current(repo, artifact, stage);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String version = wanted.get();
            if (current(repo, artifact, stage).equals(Optional.of(version))) {
                return before;
            }
            String commit = commitOf(g, repo, artifact, version);
            String tag = artifact + "#" + stage + "#" + (lastNumber(g, artifact) + 1);
            String message = "Assigning stage " + stage + " to artifact " + artifact + " version " + version;
            Git.Result r = g.run(null, "-c", "tag.gpgSign=false", "-c", "user.name=" + taggerName, "-c", "user.email=" + taggerEmail, "tag", "-a",
                    tag, "-m", message, "-m", reason == null || reason.isBlank() ? "(no reason given)" : reason, commit);
            if (r.exit() == 0) {
                return before;
            }
            if (!r.err().contains("already exists")) {
                throw RewindException.refused("cannot assign " + artifact + " " + version + " to stage " + stage + " in "
                        + repo + ": git tag failed: " + Git.firstLine(r.err()));
            }
        }
        throw RewindException.refused("cannot assign stage " + stage + " of " + artifact + " in " + repo
                + ": other writers kept taking the next tag number");
    }

    /** The one-line command GTO users would run instead. */
    public static String command(String artifact, String version, String stage) {
        return "gto assign " + artifact + " --version " + version + " --stage " + stage;
    }

    private static String commitOf(Git g, Path repo, String artifact, String version) {
        Git.Result r = g.run(null, "rev-parse", "--verify", "--quiet", "refs/tags/" + artifact + "@" + version + "^{commit}");
        if (r.exit() != 0) {
            throw RewindException.refused("cannot assign " + artifact + " " + version + " in " + repo
                    + ": it has no registration tag " + artifact + "@" + version);
        }
        return r.text().strip();
    }

    /** GTO's counter is per artifact: the highest #N over all of the artifact's tags, 0 without any. */
    private static long lastNumber(Git g, String artifact) {
        Git.Result r = g.run(null, "tag", "--list", artifact + "#*", artifact + "@*");
        long max = 0;
        for (String line : r.text().split("\n")) {
            Optional<GtoTag> t = GtoTag.parse(line.strip());
            if (t.isPresent() && t.get().artifact().equals(artifact)) {
                max = Math.max(max, t.get().counter());
            }
        }
        return max;
    }
}

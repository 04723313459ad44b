package dev.rewind.importer.gto;

import dev.rewind.domain.RewindException;
import dev.rewind.domain.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a GTO registry from a git repository's annotated tags ({@code refs/tags}, so tags on commits no branch
 * reaches count too), only reading it. A repository that is not one, a shallow clone, one without GTO tags, or one
 * with a malformed GTO tag or a tag on a commit it lacks is refused in one line naming every such tag: nothing is
 * taken from it, and no tag is read as something it does not say.
 */
public final class GtoReader {
    private static final String FORMAT = String.join("%00", "%(refname)", "%(objecttype)", "%(object)", "%(type)",
            "%(taggername)", "%(taggeremail)", "%(taggerdate:raw)", "%(contents:subject)", "%(contents:body)") + "%00";
    private static final int FIELDS = 9;
    private static final int SHOWN = 10;

    private final String git;

    /** {@code git}: the git executable ("git" finds it on PATH). */
    public GtoReader(String git) {
        this.git = git;
    }

    public GtoData.Registry read(Path path) {
        Path repo = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(repo)) {
            throw RewindException.badInput("cannot import " + path + ": it is not a folder");
        }
        Git g = new Git(git, repo);
        Git.Result top = g.run(null, "rev-parse", "--is-shallow-repository");
        if (top.exit() != 0) {
            throw RewindException.badInput("cannot import " + repo + ": not a git repository ("
                    + Git.firstLine(top.err()) + "); nothing was imported");
        }
        if (top.text().strip().equals("true")) {
            throw RewindException.badInput("cannot import " + repo + ": it is a shallow clone, so tags may name commits"
                    + " it lacks; run 'git fetch --unshallow' there and import again; nothing was imported");
        }
        List<GtoData.Event> events = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        for (String[] f : refs(g)) {
            String name = f[0].startsWith("refs/tags/") ? f[0].substring("refs/tags/".length()) : f[0];
            if (!"tag".equals(f[1])) {
                continue; // GTO reads annotated tags only; a lightweight one that looks like GTO's is not GTO's
            }
            var tag = GtoTag.parse(name);
            if (tag.isEmpty()) {
                if (GtoTag.looksLikeGto(name)) {
                    malformed.add("'" + Text.escape(name) + "'");
                }
                continue;
            }
            if (!"commit".equals(f[3])) {
                malformed.add("'" + Text.escape(name) + "' (points at a " + Text.escape(f[3]) + ", not a commit)");
                continue;
            }
            events.add(new GtoData.Event(tag.get(), f[2], time(f[6], name, repo), f[4], email(f[5]),
                    message(f[7], f[8]), tag.get().version()));
        }
        if (!malformed.isEmpty()) {
            throw RewindException.badInput("cannot import " + repo + ": " + shown(malformed) + " "
                    + (malformed.size() == 1 ? "is not a GTO tag" : "are not GTO tags")
                    + " (NAME@vX.Y.Z, NAME#STAGE#N, with ! to cancel); nothing was imported");
        }
        if (events.isEmpty()) {
            throw RewindException.badInput("cannot import " + repo + ": it has no GTO tags (annotated NAME@vX.Y.Z or"
                    + " NAME#STAGE#N); nothing was imported");
        }
        missing(g, repo, events);
        List<GtoData.Event> resolved = versions(repo, events);
        resolved.sort(ORDER);
        return new GtoData.Registry(repo.toString(), List.copyOf(resolved),
                new Annotations(g).read(resolved));
    }

    /**
     * GTO's order: tag time; within one second a registration before what acts on it, then the artifact's counter
     * (two tags in the same second are common), then the name so the order never depends on the listing.
     */
    static final Comparator<GtoData.Event> ORDER = Comparator.comparingLong(GtoData.Event::atMs)
            .thenComparing(e -> e.tag().kind() != GtoTag.Kind.REGISTER)
            .thenComparingLong(e -> e.tag().counter())
            .thenComparing(e -> e.tag().tag());

    private static List<String[]> refs(Git g) {
        String out = g.read(null, "for-each-ref", "--format=" + FORMAT, "refs/tags").text();
        String[] parts = out.split("\0", -1);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i + FIELDS <= parts.length; i += FIELDS) {
            String[] row = new String[FIELDS];
            System.arraycopy(parts, i, row, 0, FIELDS);
            row[0] = row[0].replaceFirst("^\n", ""); // each record ends with git's newline after the last NUL
            rows.add(row);
        }
        return rows;
    }

    /** Every tag must name a commit the repository holds: one it lacks refuses the import, naming the tags. */
    private static void missing(Git g, Path repo, List<GtoData.Event> events) {
        Set<String> commits = new LinkedHashSet<>();
        events.forEach(e -> commits.add(e.commit()));
        String out = g.read(String.join("\n", commits) + "\n", "cat-file", "--batch-check").text();
        Set<String> lacking = new LinkedHashSet<>();
        out.lines().filter(l -> l.endsWith(" missing")).forEach(l -> lacking.add(l.substring(0, l.indexOf(' '))));
        if (!lacking.isEmpty()) {
            List<String> tags = events.stream().filter(e -> lacking.contains(e.commit()))
                    .map(e -> "'" + e.tag().tag() + "' (commit " + e.commit().substring(0, Math.min(12, e.commit().length())) + ")")
                    .toList();
            throw RewindException.badInput("cannot import " + repo + ": " + shown(tags) + " "
                    + (tags.size() == 1 ? "names a commit" : "name commits") + " the repository lacks; nothing was"
                    + " imported");
        }
    }

    /** An assignment acts on the version of its artifact registered on the same commit, as in GTO. */
    private static List<GtoData.Event> versions(Path repo, List<GtoData.Event> events) {
        Map<String, List<String>> registered = new HashMap<>();
        for (GtoData.Event e : events) {
            if (e.tag().kind() == GtoTag.Kind.REGISTER) {
                registered.computeIfAbsent(e.tag().artifact() + "\0" + e.commit(), k -> new ArrayList<>())
                        .add(e.tag().version());
            }
        }
        List<String> problems = new ArrayList<>();
        List<GtoData.Event> out = new ArrayList<>();
        for (GtoData.Event e : events) {
            if (!e.tag().kind().stage()) {
                out.add(e);
                continue;
            }
            List<String> vs = registered.getOrDefault(e.tag().artifact() + "\0" + e.commit(), List.of());
            if (vs.size() != 1) {
                problems.add("'" + e.tag().tag() + "' (" + (vs.isEmpty() ? "no version of " + e.tag().artifact()
                        + " is registered on its commit" : "its commit holds versions " + String.join(", ", vs)) + ")");
                continue;
            }
            out.add(new GtoData.Event(e.tag(), e.commit(), e.atMs(), e.tagger(), e.email(), e.message(), vs.get(0)));
        }
        if (!problems.isEmpty()) {
            throw RewindException.badInput("cannot import " + repo + ": " + shown(problems) + ": a stage is assigned"
                    + " to a registered version; nothing was imported");
        }
        return out;
    }

    private static long time(String raw, String tag, Path repo) {
        try {
            return Math.multiplyExact(Long.parseLong(raw.strip().split(" ")[0]), 1000L);
        } catch (RuntimeException e) {
            throw RewindException.badInput("cannot import " + repo + ": tag '" + Text.escape(tag) + "' has no tagger"
                    + " date; nothing was imported");
        }
    }

    private static String email(String raw) {
        String s = raw.strip();
        return s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1) : s;
    }

    /** The tag's message as one line: its subject, and its body's lines after a dash. */
    private static String message(String subject, String body) {
        String rest = String.join(" ", body.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        return subject.strip() + (rest.isEmpty() ? "" : " — " + rest);
    }

    private static String shown(List<String> items) {
        return items.size() <= SHOWN ? String.join(", ", items)
                : String.join(", ", items.subList(0, SHOWN)) + " and " + (items.size() - SHOWN) + " more";
    }
}

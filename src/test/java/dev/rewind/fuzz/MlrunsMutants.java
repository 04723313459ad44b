package dev.rewind.fuzz;

import dev.rewind.fuzz.Mutant.Expect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Damaged and hostile copies of an {@code mlruns/} folder: files removed, cut, garbled or replaced by folders,
 * FIFOs and links (out of the store, in loops), versions claimed twice, names and sources rewritten. Damage aimed at
 * what the importer must read (the registry, the runs its versions name) is owed a refusal; damage to a file picked
 * at random may hit nothing the importer reads.
 */
final class MlrunsMutants {
    static final int KINDS = 24;
    /** The per-file cap the over-the-cap mutant is imported with. */
    static final long CAP = 1 << 20;
    private static final Pattern RUN_ID = Pattern.compile("(?m)^run_id: *'?([0-9a-zA-Z]+)'?\\s*$");
    private static final String[] GARBLED_YAML = {"name: [unclosed\n", "a: b: c\n", "\t- tab: indented\n",
        "version: !!python/object/apply:os.system ['id']\n", "name: *nowhere\n", "- a list\n- not a mapping\n",
        "key: \"unterminated\n", laughs()};

    private final Path root;
    private final Path outside;

    /** A "billion laughs" alias bomb: nine levels of nine references each. */
    private static String laughs() {
        StringBuilder b = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int k = 1; k < 9; k++) {
            b.append("l").append(k).append(": &l").append(k).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*l" + (k - 1)))).append("]\n");
        }
        return b.toString();
    }
    private final Random random;

    private MlrunsMutants(Path root, Random random) {
        this.root = root;
        this.outside = root.getParent().resolveSibling("secret.txt");
        this.random = random;
    }

    /** Mutant number {@code i} of the store {@code original}, copied to {@code folder}/mlruns. */
    static Mutant make(Path original, Path folder, int i, Random random) throws IOException {
        Path root = folder.resolve("mlruns");
        StoreTree.copy(original, root);
        return new MlrunsMutants(root, random).make(Math.floorMod(i, KINDS));
    }

    private Mutant make(int kind) throws IOException {
        return switch (kind) {
            case 0 -> removed(anyFile());
            case 1 -> truncated(anyFile());
            case 2 -> garbled(pick(yamls()));
            case 3 -> folderFor(pick(registryYamls()));
            case 4 -> link(runFile("params/leak"), Path.of("/etc/passwd"), "params/leak -> /etc/passwd");
            case 5 -> link(runFile("tags/leak"), outside, "tags/leak -> a file outside the store");
            case 6 -> replacedByLink(anyFile());
            case 7 -> loop();
            case 8 -> folderLoop();
            case 9 -> fifoFor(anyFile());
            case 10 -> fifoAsStorageLocation();
            case 11 -> claimedTwice();
            case 12 -> overTheCap();
            case 13 -> source("../../../../../../../../etc/passwd");
            case 14 -> source("file:///etc/shadow");
            case 15 -> yamlKey(versionYaml(), "storage_location", "/dev/zero", Expect.IMPORTED);
            case 16 -> source("../secret.txt");
            case 17 -> yamlKey(versionYaml(), "version", "abc", Expect.REFUSED);
            case 18 -> yamlKey(modelYaml(), "name", "\"fraud\\e[31m-red\"", Expect.REFUSED);
            case 19 -> yamlKey(modelYaml(), "name", "\"model\\u202Elmth.exe\"", Expect.REFUSED);
            case 20 -> yamlKey(modelYaml(), "name", "'-rf'", Expect.REFUSED);
            case 21 -> yamlKey(modelYaml(), "name", "m".repeat(201 + random.nextInt(300)), Expect.REFUSED);
            case 22 -> metricGarbage();
            default -> flipped(anyFile());
        };
    }

    private Mutant mutant(String what, Expect expect) {
        return new Mutant("mlruns " + what, root, root, expect);
    }

    private Mutant removed(Path f) throws IOException {
        if (f == null) {
            return mutant("unchanged (no file)", Expect.EITHER);
        }
        Files.delete(f);
        return mutant(rel(f) + " removed", Expect.EITHER);
    }

    private Mutant truncated(Path f) throws IOException {
        if (f == null) {
            return mutant("unchanged (no file)", Expect.EITHER);
        }
        byte[] b = Files.readAllBytes(f);
        int at = b.length == 0 ? 0 : random.nextInt(b.length);
        Files.write(f, Arrays.copyOf(b, at));
        return mutant(rel(f) + " truncated at " + at, Expect.EITHER);
    }

    private Mutant flipped(Path f) throws IOException {
        byte[] b = f == null ? new byte[0] : Files.readAllBytes(f);
        if (b.length == 0) {
            return mutant("unchanged (no file to flip)", Expect.EITHER);
        }
        for (int k = 0; k < 1 + random.nextInt(4); k++) {
            b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
        }
        Files.write(f, b);
        return mutant(rel(f) + " bytes flipped", Expect.EITHER);
    }

    private Mutant garbled(Path yaml) throws IOException {
        if (yaml == null) {
            return mutant("unchanged (no meta.yaml)", Expect.EITHER);
        }
        String garbage = GARBLED_YAML[random.nextInt(GARBLED_YAML.length)];
        Files.writeString(yaml, garbage);
        return mutant(rel(yaml) + " garbled: " + garbage.lines().findFirst().orElse(""), read(yaml));
    }

    private Mutant folderFor(Path f) throws IOException {
        if (f == null) {
            return mutant("unchanged (no registry)", Expect.EITHER);
        }
        Expect e = read(f);
        Files.delete(f);
        Files.createDirectories(f);
        return mutant(rel(f) + " replaced by a folder", e);
    }

    private Mutant link(Path at, Path target, String what) throws IOException {
        Files.createDirectories(at.getParent());
        Files.createSymbolicLink(at, target);
        return mutant(rel(at) + ": " + what, read(at));
    }

    private Mutant replacedByLink(Path f) throws IOException {
        if (f == null) {
            return mutant("unchanged (no file)", Expect.EITHER);
        }
        Files.delete(f);
        Expect e = read(f);
        Files.createSymbolicLink(f, random.nextBoolean() ? outside : Path.of("/etc/passwd"));
        return mutant(rel(f) + " replaced by a link out of the store", e);
    }

    private Mutant loop() throws IOException {
        Path a = runFile("params/loop-a");
        Files.createDirectories(a.getParent());
        Files.createSymbolicLink(a, a.resolveSibling("loop-b"));
        Files.createSymbolicLink(a.resolveSibling("loop-b"), a);
        return mutant(rel(a) + " and loop-b: a symbolic link loop", read(a));
    }

    private Mutant folderLoop() throws IOException {
        Path link = runFile("params/up");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of(".."));
        return mutant(rel(link) + " -> .. (a folder loop)", read(link));
    }

    private Mutant fifoFor(Path f) throws IOException {
        if (f == null || !MlflowDbMutants.mkfifo(root.resolve(".probe-fifo"))) {
            return flipped(f);
        }
        Files.delete(root.resolve(".probe-fifo"));
        Expect e = read(f);
        Files.delete(f);
        MlflowDbMutants.mkfifo(f);
        return mutant(rel(f) + " replaced by a FIFO", e);
    }

    private Mutant fifoAsStorageLocation() throws IOException {
        Path v = versionYaml();
        if (v == null) {
            return mutant("unchanged (no version)", Expect.EITHER);
        }
        Path pipe = v.resolveSibling("model.pipe");
        if (!MlflowDbMutants.mkfifo(pipe)) {
            return yamlKey(v, "storage_location", "/dev/zero", Expect.IMPORTED);
        }
        return yamlKey(v, "storage_location", pipe.toString(), Expect.IMPORTED);
    }

    private Mutant claimedTwice() throws IOException {
        Path v = versionYaml();
        if (v == null) {
            return mutant("unchanged (no version)", Expect.EITHER);
        }
        Path twin = v.getParent().resolveSibling("version-" + (900 + random.nextInt(99)));
        StoreTree.copy(v.getParent(), twin);
        return mutant(rel(twin) + " claims the version of " + rel(v.getParent()), Expect.REFUSED);
    }

    private Mutant overTheCap() throws IOException {
        Path m = modelYaml();
        Path big = m == null ? runFile("params/huge") : m.resolveSibling("tags/huge");
        Files.createDirectories(big.getParent());
        byte[] b = new byte[(int) CAP + 1 + random.nextInt(4096)];
        Arrays.fill(b, (byte) 'x');
        Files.write(big, b);
        Mutant x = mutant(rel(big) + " is " + b.length + " bytes, over a cap of " + CAP, read(big));
        return new Mutant(x.kind(), root, root, x.expect(), CAP);
    }

    private Mutant source(String uri) throws IOException {
        return yamlKey(versionYaml(), "source", uri, Expect.IMPORTED);
    }

    private Mutant yamlKey(Path yaml, String key, String value, Expect expect) throws IOException {
        if (yaml == null) {
            return mutant("unchanged (no " + key + " to set)", Expect.EITHER);
        }
        String text = Files.readString(yaml);
        Matcher m = Pattern.compile("(?m)^" + key + ":.*$").matcher(text);
        String line = key + ": " + value;
        Files.writeString(yaml, m.find() ? m.replaceFirst(Matcher.quoteReplacement(line)) : text + "\n" + line + "\n");
        return mutant(rel(yaml) + " " + key + " set to " + abbreviate(value), expect);
    }

    private Mutant metricGarbage() throws IOException {
        Path run = referencedRun();
        Path metric = run == null ? null : pick(files(run.resolve("metrics")));
        if (metric == null) {
            return truncated(anyFile());
        }
        Files.writeString(metric, "1700000000000 not-a-number 0\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        return mutant(rel(metric) + " has a value that is not a number", Expect.REFUSED);
    }

    /**
     * REFUSED when the importer surely reads {@code p}: an experiment's meta.yaml, the registry's meta.yaml, aliases
     * and tags (a deleted version's tags excepted), or the meta.yaml, metrics, params and tags of a run a live version
     * names. Anything else may go unread.
     */
    private Expect read(Path p) {
        Path r = root.relativize(p);
        String first = r.getName(0).toString();
        if (first.equals("models") && r.getNameCount() >= 3) {
            String third = r.getName(2).toString();
            if (!third.startsWith("version-")) {
                return Set.of("meta.yaml", "aliases", "tags").contains(third) ? Expect.REFUSED : Expect.EITHER;
            }
            String inVersion = r.getNameCount() > 3 ? r.getName(3).toString() : "";
            boolean deleted = isDeleted(root.resolve(r.subpath(0, 3)).resolve("meta.yaml"));
            return inVersion.equals("meta.yaml") || inVersion.equals("tags") && !deleted ? Expect.REFUSED : Expect.EITHER;
        }
        if (r.getNameCount() == 2 && r.getName(1).toString().equals("meta.yaml")) {
            return Expect.REFUSED;
        }
        Path run = referencedRun();
        if (run != null && p.startsWith(run) && !p.equals(run)) {
            String part = run.relativize(p).getName(0).toString();
            return Set.of("meta.yaml", "metrics", "params", "tags").contains(part) ? Expect.REFUSED : Expect.EITHER;
        }
        return Expect.EITHER;
    }

    private boolean isDeleted(Path versionYaml) {
        try {
            return Files.isRegularFile(versionYaml, LinkOption.NOFOLLOW_LINKS)
                    && Files.readString(versionYaml).contains("Deleted_Internal");
        } catch (IOException e) {
            return false;
        }
    }

    /** A file inside a run a live version names, or else inside any run, or else in the registry. */
    private Path runFile(String name) throws IOException {
        Path run = referencedRun();
        if (run == null) {
            run = pick(runs());
        }
        return run != null ? run.resolve(name) : root.resolve("models/x").resolve(name);
    }

    private Path referencedRun() {
        for (Path v : liveVersionYamls()) {
            try {
                Matcher m = RUN_ID.matcher(Files.readString(v));
                if (m.find()) {
                    for (Path run : runs()) {
                        if (run.getFileName().toString().equals(m.group(1))) {
                            return run;
                        }
                    }
                }
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private List<Path> runs() {
        List<Path> out = new ArrayList<>();
        for (Path exp : children(root)) {
            if (!exp.getFileName().toString().equals("models") && Files.isRegularFile(exp.resolve("meta.yaml"))) {
                children(exp).stream().filter(r -> Files.isRegularFile(r.resolve("meta.yaml"))).forEach(out::add);
            }
        }
        return out;
    }

    private Path versionYaml() {
        return pick(liveVersionYamls());
    }

    private List<Path> liveVersionYamls() {
        return registryYamls().stream().filter(p -> p.getParent().getFileName().toString().startsWith("version-")
                && !isDeleted(p)).toList();
    }

    private Path modelYaml() {
        return pick(registryYamls().stream().filter(p -> p.getNameCount() == root.getNameCount() + 3).toList());
    }

    private List<Path> registryYamls() {
        return yamls().stream().filter(p -> root.relativize(p).startsWith("models")).toList();
    }

    private List<Path> yamls() {
        return files(root).stream().filter(p -> p.getFileName().toString().equals("meta.yaml")).toList();
    }

    /** A file the importer may read: anything but artifacts (which are only ever hashed). */
    private Path anyFile() {
        return pick(files(root).stream().filter(p -> !root.relativize(p).toString().contains("artifacts")).toList());
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Path pick(List<Path> from) {
        return from.isEmpty() ? null : from.get(random.nextInt(from.size()));
    }

    private String rel(Path p) {
        return root.relativize(p).toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
    }
}

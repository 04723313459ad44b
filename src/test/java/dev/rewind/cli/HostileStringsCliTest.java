package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import dev.rewind.support.HostileStrings;
import dev.rewind.support.HostileStrings.Field;
import dev.rewind.support.HostileStrings.Hostile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile string through every CLI field that takes a name or a text: a refusal is one line on stderr, exit
 * 2, nothing on stdout and the catalog byte-for-byte unchanged; an acceptance stores it (NFC) and prints no raw
 * control character. No string ever creates a file outside the catalog's folder.
 */
class HostileStringsCliTest {
    @TempDir
    Path dir;

    @Test
    void everyHostileStringThroughEveryCliField() throws Exception {
        Path artifact = Files.writeString(dir.resolve("model.pkl"), "bytes");
        Path base = dir.resolve("base/catalog.db");
        Files.createDirectories(base.getParent());
        CliRun baseCli = new CliRun(base);
        for (String[] args : List.of(new String[] {"init"},
                new String[] {"register", "fraud", "1.0.0", "--artifact", artifact.toString(), "--tag", "stable"},
                new String[] {"target", "add", "fraud", "production"})) {
            assertThat(baseCli.run(args).code()).isZero();
        }
        String baseline = CatalogDump.of(base);
        Path runs = Files.createDirectories(dir.resolve("runs"));
        List<Hostile> hostile = HostileStrings.all();
        SoftAssertions soft = new SoftAssertions();
        int refused = 0;
        int accepted = 0;
        int n = 0;
        Path catDir = null;
        for (Hostile h : hostile) {
            for (Field f : Field.values()) {
                if (catDir == null) { // a refusal leaves the catalog as it was, so the next run may reuse it
                    catDir = Files.createDirectories(runs.resolve(Integer.toString(n++)).resolve("cat"));
                    Files.copy(base, catDir.resolve("catalog.db"));
                }
                Path cat = catDir.resolve("catalog.db");
                Path runDir = catDir.getParent();
                CliRun.Result r = new CliRun(cat).run(args(f, h.value(), artifact));
                String at = f + " <- " + h.what() + ": " + r;
                soft.assertThat(HostileStrings.hasRawControl(r.out() + r.err())).as("raw control in " + at).isFalse();
                soft.assertThat(r.err()).as("no stack trace " + at).doesNotContain("\tat ", "Exception");
                if (h.refusedIn().contains(f)) {
                    refused++;
                    soft.assertThat(r.code()).as("exit " + at).isEqualTo(2);
                    soft.assertThat(r.err()).as("one line " + at).startsWith("rewind: ").endsWith("\n")
                            .satisfies(e -> assertThat(e.strip()).doesNotContain("\n"));
                    soft.assertThat(r.out()).as("nothing printed " + at).isEmpty();
                    String dump = CatalogDump.of(cat);
                    soft.assertThat(dump).as("catalog unchanged " + at).isEqualTo(baseline);
                    if (!dump.equals(baseline)) {
                        catDir = null;
                    }
                } else {
                    accepted++;
                    soft.assertThat(r.code()).as("accepted " + at).isZero();
                }
                try (Stream<Path> s = Files.list(runDir)) {
                    soft.assertThat(s.map(p -> p.getFileName().toString()).toList()).as("files beside " + at)
                            .containsExactly("cat");
                }
                if (r.code() == 0 && catDir != null) {
                    catDir = null;
                }
            }
        }
        try (Stream<Path> s = Files.list(runs)) {
            assertThat(s.count()).as("nothing created beside the runs").isEqualTo(n);
        }
        System.out.printf("hostile strings (CLI): %d strings x %d fields = %d runs: %d refused, %d accepted%n",
                hostile.size(), Field.values().length, refused + accepted, refused, accepted);
        assertThat(hostile).hasSizeGreaterThanOrEqualTo(70);
        soft.assertAll();
    }

    /** The command that puts {@code s} into field {@code f}; positionals after '--' so the name policy answers. */
    private static String[] args(Field f, String s, Path artifact) {
        String a = artifact.toString();
        List<String> l = new ArrayList<>();
        switch (f) {
            case MODEL -> l.addAll(List.of("register", "--artifact", a, "--", s, "1.0"));
            case LABEL -> l.addAll(List.of("register", "--artifact", a, "--", "fraud", s));
            case TARGET -> l.addAll(List.of("target", "add", "--", "fraud", s));
            case TAG_KEY -> l.addAll(List.of("tag", "--", "fraud", "1.0.0", s));
            case METRIC_KEY -> l.addAll(List.of("register", "--artifact", a, "--metric", s + "=0.5", "--", "fraud", "2"));
            case PARAM_KEY -> l.addAll(List.of("register", "--artifact", a, "--param", s + "=v", "--", "fraud", "2"));
            case DESCRIPTION -> l.addAll(List.of("register", "--artifact", a, "--description=" + s, "--", "fraud", "2"));
            case PARAM_VALUE -> l.addAll(List.of("register", "--artifact", a, "--param", "k=" + s, "--", "fraud", "2"));
            case REASON -> l.addAll(List.of("tag", "--reason=" + s, "--", "fraud", "1.0.0", "k"));
            case TAG_VALUE -> l.addAll(List.of("tag", "--", "fraud", "1.0.0", "k=" + s));
            default -> throw new IllegalArgumentException(f.name());
        }
        return l.toArray(String[]::new);
    }
}

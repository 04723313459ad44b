package dev.rewind.importer.gto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.Event;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.Version;
import dev.rewind.service.GtoImportService;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real GTO registry under ../shared/samples/gto (when that folder is there), cloned from its bundle: the
 * models, versions, each stage's version and each stage's history order equal what GTO's rules give, worked out
 * here from {@code git for-each-ref} alone; a re-import writes nothing; the clone's refs and objects are unchanged.
 */
class GtoSamplesTest {
    static final Path BUNDLES = Path.of("..", "shared", "samples", "gto");
    /** Simpler than GTO's grammar on purpose (an independent reading): versions are v + three numbers here. */
    private static final Pattern REGISTER = Pattern.compile("^(.+)@(v\\d+\\.\\d+\\.\\d+)(!?)(?:#(\\d+))?$");
    private static final Pattern STAGE = Pattern.compile("^([^#@]+)#([^#!]+)(!?)(?:#(\\d+))?$");
    private static int ran;

    @TempDir
    Path dir;

    static List<Path> bundles() throws IOException {
        if (!Files.isDirectory(BUNDLES)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(BUNDLES)) {
            return s.filter(p -> p.toString().endsWith(".bundle")).sorted().toList();
        }
    }

    @AfterAll
    static void count() {
        System.out.println("GTO sample bundles imported: " + ran);
    }

    private record Tag(String name, String artifact, String version, String stage, boolean cancel, long counter,
                       long time, String commit) {
    }

    @ParameterizedTest(allowZeroInvocations = true) // the samples folder is optional
    @MethodSource("bundles")
    void importsWhatGtosRulesGive(Path bundle) throws Exception {
        Path repo = dir.resolve("clone");
        GitFixture.run(dir, Map.of(), "clone", "-q", bundle.toAbsolutePath().toString(), repo.toString());
        List<Tag> tags = tags(repo);
        String before = GitFixture.state(repo);

        Map<String, TreeSet<String>> versions = new TreeMap<>();
        Map<String, String> versionAt = new HashMap<>();
        for (Tag t : tags) {
            if (t.version() != null && !t.cancel()) {
                versions.computeIfAbsent(t.artifact(), a -> new TreeSet<>()).add(t.version());
                versionAt.put(t.artifact() + " " + t.commit(), t.version());
            }
        }
        // per artifact and stage: the tags in GTO's order, and the version of the latest assignment still standing
        Map<String, List<Tag>> stageTags = new TreeMap<>();
        tags.stream().filter(t -> t.stage() != null).sorted(Comparator.comparingLong(Tag::time)
                .thenComparingLong(Tag::counter)).forEach(t -> stageTags.computeIfAbsent(t.artifact() + "#" + t.stage(),
                        k -> new ArrayList<>()).add(t));
        Map<String, String> expected = new TreeMap<>();
        stageTags.forEach((key, list) -> {
            List<String> standing = new ArrayList<>();
            for (Tag t : list) {
                String v = versionAt.get(t.artifact() + " " + t.commit());
                standing.remove(v);
                if (!t.cancel()) {
                    standing.add(v);
                }
            }
            expected.put(key, standing.isEmpty() ? null : standing.get(standing.size() - 1));
        });

        try (Fixture f = new Fixture(dir)) {
            GtoImportService.Report r = f.services.gtoImporter().importGto(repo);
            assertThat(r.models()).isEqualTo(versions.size());
            for (var e : versions.entrySet()) {
                assertThat(f.services.registry().versions(e.getKey())).extracting(Version::label)
                        .containsExactlyInAnyOrderElementsOf(e.getValue());
            }
            for (var e : expected.entrySet()) {
                String[] key = e.getKey().split("#");
                var target = f.services.history().targetsAt(key[0], Instant.now().plusSeconds(60)).stream()
                        .filter(t -> t.target().equals(key[1])).findFirst().orElseThrow();
                assertThat(target.version()).as(bundle.getFileName() + " " + e.getKey()).isEqualTo(e.getValue());
                List<String> history = new ArrayList<>(f.services.history().history(key[0], key[1]).stream()
                        .filter(ev -> ev.kind() == EventKind.IMPORT).map(Event::tagValue).toList());
                java.util.Collections.reverse(history);
                assertThat(history).as("history of " + e.getKey() + " in GTO's order")
                        .containsExactlyElementsOf(stageTags.get(e.getKey()).stream().map(Tag::name).toList());
            }
            assertThat(f.services.verifier().verify(false).problems()).isEmpty();

            String catalog = CatalogDump.of(f.db);
            GtoImportService.Report again = f.services.gtoImporter().importGto(repo);
            assertThat(again.tagsAdded()).isZero();
            assertThat(CatalogDump.of(f.db)).as("re-import is idempotent").isEqualTo(catalog);
        }
        assertThat(GitFixture.state(repo)).as("refs and objects unchanged").isEqualTo(before);
        ran++;
    }

    /** The clone's annotated tags that name GTO registrations or stage moves, read with for-each-ref. */
    private static List<Tag> tags(Path repo) throws IOException {
        String out = GitFixture.run(repo, Map.of(), "for-each-ref",
                "--format=%(refname:strip=2)%09%(objecttype)%09%(object)%09%(taggerdate:unix)", "refs/tags");
        List<Tag> tags = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t");
            if (f.length < 4 || !f[1].equals("tag")) {
                continue;
            }
            Matcher reg = REGISTER.matcher(f[0]);
            Matcher st = STAGE.matcher(f[0]);
            long time = Long.parseLong(f[3]);
            if (reg.matches()) {
                tags.add(new Tag(f[0], reg.group(1).replace('=', ':'), reg.group(2), null, !reg.group(3).isEmpty(),
                        reg.group(4) == null ? -1 : Long.parseLong(reg.group(4)), time, f[2]));
            } else if (st.matches()) {
                tags.add(new Tag(f[0], st.group(1).replace('=', ':'), null, st.group(2), !st.group(3).isEmpty(),
                        st.group(4) == null ? -1 : Long.parseLong(st.group(4)), time, f[2]));
            }
        }
        return tags;
    }
}

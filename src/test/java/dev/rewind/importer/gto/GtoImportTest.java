package dev.rewind.importer.gto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.domain.Actor;
import dev.rewind.domain.Event;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.Version;
import dev.rewind.service.GtoImportService;
import dev.rewind.service.HistoryService;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import dev.rewind.support.Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GTO import over small repositories made here with git: the rule, the history, re-imports, and every refusal. */
class GtoImportTest {
    private static final long T = 1_700_000_000L;

    @TempDir
    Path dir;

    /** churn@v1.0.0 on c1, churn@v1.1.0 on c2; prod: v1.0.0, then v1.1.0, then v1.1.0 unassigned; staging: v1.1.0. */
    private GitFixture registry() throws Exception {
        GitFixture g = new GitFixture(dir.resolve("repo"));
        String c1 = g.commit("README", "one", T);
        Files.writeString(g.repo.resolve("artifacts.yaml"), "churn:\n  type: model\n  path: models/m.pkl\n"
                + "  description: churn model\n  labels: [tabular, nightly]\n");
        g.git("add", "artifacts.yaml");
        String c2 = g.commit("README", "two", T + 100);
        g.tag("churn@v1.0.0", c1, T + 10, "Ana Lima", "Registering artifact m version v1.0.0");
        g.tag("churn#prod#1", c1, T + 20, "Ana Lima", "Assigning stage prod to artifact m version v1.0.0");
        g.tag("churn@v1.1.0", c2, T + 200, "Bruno Costa", "Registering artifact m version v1.1.0");
        g.tag("churn#prod#2", c2, T + 300, "Bruno Costa", "Assigning stage prod to artifact m version v1.1.0");
        g.tag("churn#staging#3", c2, T + 300, "Bruno Costa", "staging it too");
        g.tag("churn#prod!#4", c2, T + 400, "Carla Dias", "'prod' unassigned: FPR tripled");
        g.git("tag", "churn#dev#9", c2); // lightweight: GTO ignores it
        g.tag("release-1", c2, T + 500, "Ana Lima", "not a GTO tag");
        return g;
    }

    @Test
    void stagesFollowGtosRuleAndTheHistoryIsDrawnAtTagTimes() throws Exception {
        GitFixture g = registry();
        String before = GitFixture.state(g.repo);
        try (Fixture f = new Fixture(dir)) {
            GtoImportService.Report r = f.services.gtoImporter().importGto(g.repo);
            assertThat(r.versionsAdded()).isEqualTo(2);
            assertThat(r.tagsAdded()).as("the lightweight and non-GTO tags are not read").isEqualTo(6);
            List<Version> vs = f.services.registry().versions("churn");
            assertThat(vs).extracting(Version::label).containsExactly("v1.0.0", "v1.1.0");
            assertThat(vs.get(1).sourceRun()).isEqualTo(g.git("rev-parse", "churn@v1.1.0^{commit}").strip());
            assertThat(vs.get(1).author()).isEqualTo("Bruno Costa");
            assertThat(vs.get(1).createdAt()).isEqualTo(Instant.ofEpochSecond(T + 200));
            assertThat(vs.get(1).description()).isEqualTo("churn model");
            Map<String, String> prov = provenance(f, vs.get(1));
            assertThat(prov).containsEntry("gto.type", "model").containsEntry("gto.path", "models/m.pkl")
                    .containsEntry("gto.labels", "tabular, nightly").containsEntry("gto.tag", "churn@v1.1.0");
            assertThat(provenance(f, vs.get(0)))
                    .as("c1 has no artifacts.yaml").doesNotContainKey("gto.type");

            assertThat(live(f, "prod")).as("v1.1.0 unassigned: back to v1.0.0").isEqualTo("v1.0.0");
            assertThat(live(f, "staging")).isEqualTo("v1.1.0");
            List<Event> prod = new java.util.ArrayList<>(f.services.history().history("churn", "prod").stream()
                    .filter(e -> e.kind() == EventKind.IMPORT).toList());
            java.util.Collections.reverse(prod);
            assertThat(prod).extracting(Event::tagValue).containsExactly("churn#prod#1", "churn#prod#2", "churn#prod!#4");
            assertThat(prod).extracting(Event::toVersion).containsExactly("v1.0.0", "v1.1.0", "v1.0.0");
            assertThat(prod).extracting(Event::actor).containsExactly("Ana Lima", "Bruno Costa", "Carla Dias");
            assertThat(prod).extracting(Event::effectiveAt).containsExactly(Instant.ofEpochSecond(T + 20),
                    Instant.ofEpochSecond(T + 300), Instant.ofEpochSecond(T + 400));
            assertThat(prod.get(2).reason()).startsWith("'prod' unassigned: FPR tripled (observed at import: GTO tag"
                    + " churn#prod!#4 by Carla Dias <carla.dias@example.com>");
            assertThat(prod.get(2).at()).as("recorded at the import").isAfter(Instant.ofEpochSecond(T + 10_000));

            HistoryService h = f.services.history();
            assertThat(at(h, T + 350, "prod")).isEqualTo("v1.1.0");
            assertThat(at(h, T + 450, "prod")).isEqualTo("v1.0.0");
            assertThat(at(h, T + 15, "prod")).isNull();
            assertThat(f.services.verifier().verify(false).problems()).isEmpty();

            String catalog = CatalogDump.of(f.db);
            GtoImportService.Report again = f.services.gtoImporter().importGto(g.repo);
            assertThat(again.tagsAdded()).isZero();
            assertThat(again.tagsAlreadyImported()).isEqualTo(6);
            assertThat(CatalogDump.of(f.db)).as("a re-import writes nothing").isEqualTo(catalog);
            assertThat(GitFixture.state(g.repo)).as("the repository is only read").isEqualTo(before);

            g.tag("churn#prod#5", g.git("rev-parse", "churn@v1.1.0^{commit}").strip(), T + 600, "Ana Lima", "back again");
            String withNewTag = GitFixture.state(g.repo);
            GtoImportService.Report more = f.services.gtoImporter().importGto(g.repo);
            assertThat(GitFixture.state(g.repo)).isEqualTo(withNewTag);
            assertThat(more.tagsAdded()).as("only the new tag").isEqualTo(1);
            assertThat(live(f, "prod")).isEqualTo("v1.1.0");
            assertThat(f.services.verifier().verify(false).problems()).isEmpty();
        }
    }

    @Test
    void malformedTagsAreNamedAndNothingIsWritten() throws Exception {
        GitFixture g = registry();
        String c = g.git("rev-parse", "HEAD").strip();
        g.tag("churn@1.2.0", c, T + 700, "Ana Lima", "no v");
        g.tag("churn#prod#x", c, T + 701, "Ana Lima", "bad counter");
        refusedWithNothingWritten(g.repo, "'churn#prod#x', 'churn@1.2.0' are not GTO tags");
    }

    @Test
    void aTagOnACommitTheRepositoryLacksIsNamed() throws Exception {
        GitFixture g = registry();
        g.git("checkout", "-q", "-b", "side");
        String lost = g.commit("side.txt", "gone", T + 800);
        g.tag("churn@v2.0.0", lost, T + 810, "Ana Lima", "Registering artifact m version v2.0.0");
        g.git("checkout", "-q", "main");
        g.git("branch", "-D", "side");
        Files.delete(g.repo.resolve(".git/objects/" + lost.substring(0, 2) + "/" + lost.substring(2)));
        refusedWithNothingWritten(g.repo, "'churn@v2.0.0' (commit " + lost.substring(0, 12) + ") names a commit the"
                + " repository lacks");
    }

    @Test
    void aShallowCloneIsRefused() throws Exception {
        GitFixture g = registry();
        Path shallow = dir.resolve("shallow");
        GitFixture.run(dir, Map.of(), "clone", "-q", "--depth", "1", "file://" + g.repo, shallow.toString());
        refusedWithNothingWritten(shallow, "is a shallow clone");
    }

    @Test
    void aRepositoryWithoutGtoTagsOrNoRepositoryAtAllIsOneLine() throws Exception {
        GitFixture g = new GitFixture(dir.resolve("plain"));
        String c = g.commit("a.txt", "a", T);
        g.tag("v1.0", c, T, "Ana Lima", "a release, not GTO");
        g.git("tag", "churn@v1.0.0", c); // lightweight: GTO ignores it
        refusedWithNothingWritten(g.repo, "has no GTO tags");
        refusedWithNothingWritten(Files.createDirectories(dir.resolve("not-a-repo")), "not a git repository");
    }

    @Test
    void withoutGitTheImportSaysSoInOneLine() throws Exception {
        GitFixture g = registry();
        try (Fixture f = new Fixture(dir)) {
            var service = new GtoImportService(f.catalog, new Actor("t", "h"), Clock.systemUTC(),
                    new GtoReader(dir.resolve("no-such-git").toString()));
            assertThatThrownBy(() -> service.importGto(g.repo))
                    .hasMessageContaining("the git command is not installed").hasMessageNotContaining("\n");
        }
    }

    @Test
    void theCommandLineImportsAndSaysWhatItAdded() throws Exception {
        GitFixture g = registry();
        CliRun cli = new CliRun(dir.resolve("cli.db"));
        assertThat(cli.run("init").code()).isZero();
        var r = cli.run("import", "gto", g.repo.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("1 models, 2 new versions, 6 new tags (0 already imported)");
        var history = cli.run("history", "churn", "--target", "prod", "--json");
        assertThat(history.out()).as("each move drawn at its tag's time")
                .contains("\"effectiveAt\" : \"" + Instant.ofEpochSecond(T + 20) + "\"");
        var again = cli.run("import", "gto", g.repo.toString(), "--json");
        assertThat(again.out()).contains("\"tagsAdded\" : 0").contains("\"tagsAlreadyImported\" : 6");
        var none = cli.run("import", "gto", dir.resolve("nowhere").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err().strip()).doesNotContain("\n").contains("it is not a folder");
    }

    private void refusedWithNothingWritten(Path repo, String message) throws Exception {
        try (Fixture f = new Fixture(Files.createTempDirectory(dir, "catalog"))) {
            String before = CatalogDump.of(f.db);
            assertThatThrownBy(() -> f.services.gtoImporter().importGto(repo))
                    .hasMessageContaining(message).hasMessageContaining("nothing was imported")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThat(CatalogDump.of(f.db)).isEqualTo(before);
        }
    }

    private static Map<String, String> provenance(Fixture f, Version v) {
        return f.catalog.read(tx -> tx.versions().provenance(v.id()));
    }

    private static String live(Fixture f, String target) {
        return f.services.history().targetsAt("churn", Instant.now().plusSeconds(60)).stream()
                .filter(t -> t.target().equals(target)).findFirst().orElseThrow().version();
    }

    private static String at(HistoryService h, long epochSeconds, String target) {
        return h.targetsAt("churn", Instant.ofEpochSecond(epochSeconds)).stream().filter(t -> t.target().equals(target))
                .findFirst().orElseThrow().version();
    }
}

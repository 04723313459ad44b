package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    CliRun cli;
    Path artifact;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRun(dir.resolve("catalog.db"));
        artifact = Files.writeString(dir.resolve("model.pkl"), "model bytes");
        assertThat(cli.run("init").code()).isZero();
    }

    @Test
    void registerThenListShowAsJson() throws Exception {
        var r = cli.run("register", "fraud", "1.0.0", "--artifact", artifact.toString(), "--metric", "auc=0.91",
                "--metric", "loss=0.3", "--param", "lr=0.01", "--tag", "stable", "--tag", "owner=ana",
                "--description", "first", "--source-run", "run-1");
        assertThat(r.code()).as(r.toString()).isZero();
        cli.run("register", "fraud", "1.1.0", "--artifact", artifact.toString(), "--parent", "1.0.0");

        JsonNode versions = JSON.readTree(cli.run("versions", "fraud", "--json").out());
        assertThat(versions).hasSize(2);
        JsonNode v = versions.get(0);
        assertThat(v.get("model").asText()).isEqualTo("fraud");
        assertThat(v.get("version").asText()).isEqualTo("1.0.0");
        assertThat(v.get("seq").asInt()).isEqualTo(1);
        assertThat(Instant.parse(v.get("createdAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(v.get("author").asText()).isEqualTo("tester");
        assertThat(v.get("description").asText()).isEqualTo("first");
        assertThat(v.get("artifactSha256").asText()).hasSize(64);
        assertThat(v.get("artifactSize").asLong()).isEqualTo(11);
        assertThat(v.get("metrics").get("auc").asDouble()).isEqualTo(0.91);
        assertThat(v.get("params").get("lr").asText()).isEqualTo("0.01");
        assertThat(v.get("tags").get("stable").isNull()).isTrue();
        assertThat(v.get("tags").get("owner").asText()).isEqualTo("ana");
        assertThat(versions.get(1).get("parent").asText()).isEqualTo("1.0.0");
        assertThat(versions.get(1).get("artifactSha256").asText()).isEqualTo(v.get("artifactSha256").asText());

        JsonNode models = JSON.readTree(cli.run("models", "--json").out());
        assertThat(models.get(0).get("model").asText()).isEqualTo("fraud");
        assertThat(models.get(0).get("versions").asInt()).isEqualTo(2);

        JsonNode shown = JSON.readTree(cli.run("show", "fraud", "1.1.0", "--json").out());
        assertThat(shown.get("seq").asInt()).isEqualTo(2);
        assertThat(cli.run("show", "fraud", "1.1.0").out()).contains("parent       1.0.0");
    }

    @Test
    void tagAndUntagAreRecordedAsEventsWithWhoAndWhy() throws Exception {
        cli.run("register", "m", "1", "--artifact", artifact.toString());
        assertThat(cli.run("tag", "m", "1", "failed", "--reason", "bad live AUC").code()).isZero();
        assertThat(JSON.readTree(cli.run("show", "m", "1", "--json").out()).get("tags").has("failed")).isTrue();
        assertThat(cli.as("bruno").run("untag", "m", "1", "failed", "--reason", "false alarm").code()).isZero();
        assertThat(JSON.readTree(cli.run("show", "m", "1", "--json").out()).get("tags").size()).isZero();
        String dump = CatalogDump.of(cli.catalog());
        assertThat(dump).contains("|tag|").contains("bad live AUC|tester|test-host|")
                .contains("|untag|").contains("false alarm|bruno|test-host|");
    }

    @Test
    void sqlLookingNamesAreStoredAndShownLiterally() throws Exception {
        String evil = "x'; DROP TABLE versions;--";
        assertThat(cli.run("register", evil, "1'--", "--artifact", artifact.toString()).code()).isZero();
        JsonNode models = JSON.readTree(cli.run("models", "--json").out());
        assertThat(models.get(0).get("model").asText()).isEqualTo(evil);
        assertThat(JSON.readTree(cli.run("versions", evil, "--json").out()).get(0).get("version").asText())
                .isEqualTo("1'--");
    }

    @Test
    void badInputGetsOneLineExitCodeAndLeavesCatalogUnchanged() throws Exception {
        cli.run("register", "m", "1.0", "--artifact", artifact.toString());
        String before = CatalogDump.of(cli.catalog());
        String longName = "m".repeat(201);
        Object[][] cases = {
            {2, "unknown model 'nope'", new String[] {"versions", "nope"}},
            {2, "unknown model 'nope'", new String[] {"show", "nope", "1.0"}},
            {2, "has no version '9.9'", new String[] {"show", "m", "9.9"}},
            {2, "has no version '9.9'", new String[] {"tag", "m", "9.9", "stable"}},
            {2, "has no tag stable", new String[] {"untag", "m", "1.0", "stable"}},
            {2, "already has a version 1.0", new String[] {"register", "m", "1.0", "--artifact", artifact.toString()}},
            {2, "does not exist", new String[] {"register", "m", "2.0", "--artifact", dir.resolve("gone.bin").toString()}},
            {2, "is not a number", new String[] {"register", "m", "2.0", "--artifact", artifact.toString(),
                "--metric", "auc=high"}},
            {2, "model name must not be empty", new String[] {"register", "", "2.0", "--artifact", artifact.toString()}},
            {2, "version label must not be empty", new String[] {"register", "m", "", "--artifact", artifact.toString()}},
            {2, "201 characters long", new String[] {"register", longName, "2.0", "--artifact", artifact.toString()}},
            {2, "201 characters long", new String[] {"register", "m", longName, "--artifact", artifact.toString()}},
            {2, "control character", new String[] {"register", "m\u0007", "2.0", "--artifact", artifact.toString()}},
            {2, "control character", new String[] {"register", "m", "2.0\t", "--artifact", artifact.toString()}},
            {2, "has no version 'zz'", new String[] {"register", "m", "2.0", "--artifact", artifact.toString(),
                "--parent", "zz"}},
            {2, "Missing required option", new String[] {"register", "m", "2.0"}},
            {2, "Unmatched argument", new String[] {"frobnicate"}},
        };
        for (Object[] c : cases) {
            var r = cli.run((String[]) c[2]);
            assertThat(r.code()).as(String.join(" ", (String[]) c[2]) + "\n" + r).isEqualTo(c[0]);
            assertThat(r.err()).as(r.toString()).contains((String) c[1]).startsWith("rewind: ");
            assertThat(r.err().lines().count()).as(r.toString()).isLessThanOrEqualTo(2);
            assertThat(CatalogDump.of(cli.catalog())).as(String.join(" ", (String[]) c[2])).isEqualTo(before);
        }
        // nothing was stored for the refused registrations either
        try (var files = Files.list(dir.resolve("artifacts"))) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void unreadableArtifactIsRefusedWithItsName() throws Exception {
        // /proc/self/mem exists and passes permission checks, but reading it from offset 0 fails even for root
        String before = CatalogDump.of(cli.catalog());
        var r = cli.run("register", "m", "1", "--artifact", "/proc/self/mem");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("cannot store artifact /proc/self/mem");
        assertThat(CatalogDump.of(cli.catalog())).isEqualTo(before);
        try (var files = Files.list(dir.resolve("artifacts"))) {
            assertThat(files.count()).as("no partial copy left behind").isZero();
        }
    }

    @Test
    void catalogProblemsExitWithThree() throws Exception {
        var missingFolder = new CliRun(dir.resolve("no/such/folder/c.db")).run("init");
        assertThat(missingFolder.code()).isEqualTo(3);
        assertThat(missingFolder.err()).contains("does not exist");
        assertThat(dir.resolve("no")).doesNotExist();

        Path notDb = Files.writeString(dir.resolve("notes.txt"), "hello, not a database, just text ".repeat(10));
        byte[] before = Files.readAllBytes(notDb);
        var foreign = new CliRun(notDb).run("models");
        assertThat(foreign.code()).isEqualTo(3);
        assertThat(foreign.err()).contains("not a SQLite database");
        assertThat(Files.readAllBytes(notDb)).isEqualTo(before);

        CatalogDump.exec(cli.catalog(), "PRAGMA user_version = 42");
        var newer = cli.run("models");
        assertThat(newer.code()).isEqualTo(3);
        assertThat(newer.err()).contains("newer Rewind");

        var absent = new CliRun(dir.resolve("absent.db")).run("models");
        assertThat(absent.code()).isEqualTo(3);
        assertThat(absent.err()).contains("no catalog at").contains("rewind init");
        assertThat(dir.resolve("absent.db")).doesNotExist();
    }

    @Test
    void catalogOptionOverridesEnvironment() {
        Path other = dir.resolve("other.db");
        assertThat(cli.run("--catalog", other.toString(), "init").code()).isZero();
        assertThat(other).exists();
        assertThat(cli.run("models", "--catalog", other.toString()).code()).isZero();
    }

    @Test
    void smallDemoTellsTheFraudDetectorStory() throws Exception {
        CliRun demo = new CliRun(dir.resolve("demo.db"));
        assertThat(demo.run("demo").code()).isZero();
        JsonNode models = JSON.readTree(demo.run("models", "--json").out());
        assertThat(models.size()).isGreaterThanOrEqualTo(3);
        JsonNode fraud = JSON.readTree(demo.run("versions", "fraud-detector", "--json").out());
        assertThat(fraud).extracting(n -> n.get("version").asText()).containsExactly("1.0.0", "1.1.0", "2.0.0");
        double offline10 = fraud.get(1).get("metrics").get("auc").asDouble();
        double offline20 = fraud.get(2).get("metrics").get("auc").asDouble();
        double live11 = fraud.get(1).get("metrics").get("live_false_positive_rate").asDouble();
        double live20 = fraud.get(2).get("metrics").get("live_false_positive_rate").asDouble();
        assertThat(offline20).as("2.0.0 better offline").isGreaterThan(offline10);
        assertThat(live20).as("2.0.0 worse live").isGreaterThan(live11);
        JsonNode churn = JSON.readTree(demo.run("versions", "churn-predictor", "--json").out());
        assertThat(churn.size()).isGreaterThanOrEqualTo(24);
        assertThat(churn.findValues("tags").stream().filter(t -> t.has("failed")).count()).isPositive();
        // a second demo into the same catalog is refused, leaving it as it was
        String before = CatalogDump.of(demo.catalog());
        var again = demo.run("demo");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already has models");
        assertThat(CatalogDump.of(demo.catalog())).isEqualTo(before);
    }

    @Test
    void demoIsDeterministicForASeed() {
        CliRun a = new CliRun(dir.resolve("a.db"));
        CliRun b = new CliRun(dir.resolve("b.db"));
        a.run("demo", "--seed", "7");
        b.run("demo", "--seed", "7");
        String va = a.run("versions", "churn-predictor", "--json").out().replaceAll("\"createdAt\" : \"[^\"]+\"", "");
        String vb = b.run("versions", "churn-predictor", "--json").out().replaceAll("\"createdAt\" : \"[^\"]+\"", "");
        assertThat(va).isEqualTo(vb);
    }

    @Test
    void helpAndVersionWork() {
        var help = cli.run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("register", "rollback".substring(0, 0), "Exit codes");
        assertThat(cli.run("--version").out()).startsWith("rewind ");
    }
}

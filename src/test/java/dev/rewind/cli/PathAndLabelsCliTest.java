package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathAndLabelsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    CliRun cli;
    String art;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRun(dir.resolve("catalog.db"));
        ok("init");
        art = Files.writeString(dir.resolve("model.pkl"), "weights").toString();
        ok("register", "fraud", "1.0.0", "--artifact", art);
        ok("register", "fraud", "1.1.0", "--artifact", Files.writeString(dir.resolve("b.pkl"), "better").toString());
        ok("target", "add", "fraud", "production");
        ok("target", "add", "fraud", "staging");
        ok("deploy", "fraud", "production", "1.0.0");
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result r = cli.run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        return r;
    }

    @Test
    void pathPrintsTheStoredArtifactOfWhatATargetServesALabelOrTheLatest() throws Exception {
        Path live = Path.of(ok("path", "fraud@production").out().strip());
        assertThat(Files.readString(live)).isEqualTo("weights");
        assertThat(live.startsWith(dir)).isTrue();
        assertThat(Files.readString(Path.of(ok("path", "fraud:1.1.0").out().strip()))).isEqualTo("better");
        assertThat(ok("path", "fraud@latest").out()).isEqualTo(ok("path", "fraud:1.1.0").out());

        JsonNode j = JSON.readTree(ok("path", "fraud@production", "--json").out());
        assertThat(j.get("model").asText()).isEqualTo("fraud");
        assertThat(j.get("version").asText()).isEqualTo("1.0.0");
        assertThat(j.get("target").asText()).isEqualTo("production");
        assertThat(j.get("path").asText()).isEqualTo(live.toString());
        assertThat(j.get("sha256").asText()).isEqualTo(live.getFileName().toString()).hasSize(64);
        assertThat(j.get("size").asLong()).isEqualTo(7);
        assertThat(JSON.readTree(ok("path", "fraud:1.0.0", "--json").out()).get("target").isNull()).isTrue();
    }

    @Test
    void aModelNameHoldingTheSeparatorStillResolves() {
        ok("register", "team@fraud", "2", "--artifact", art);
        ok("target", "add", "team@fraud", "production");
        ok("deploy", "team@fraud", "production", "2");
        assertThat(ok("path", "team@fraud@production").out()).isEqualTo(ok("path", "team@fraud:2").out());
    }

    @Test
    void badReferencesExitTwoWithASuggestionAndNothingLiveExitsOne() {
        Object[][] cases = {
            {2, "rewind: model fraud has no target 'prodution' (did you mean 'production'?)", "fraud@prodution"},
            {2, "rewind: unknown model 'fruad' (did you mean 'fraud'?)", "fruad@production"},
            {2, "rewind: model fraud has no version '1.1.1' (did you mean '1.1.0'?)", "fraud:1.1.1"},
            {2, "rewind: model fraud has no target 'shadow' (add it with 'rewind target add fraud shadow')",
                "fraud@shadow"},
            {2, "rewind: 'fraud' is not a reference; write MODEL@TARGET, MODEL@latest or MODEL:LABEL", "fraud"},
            {1, "rewind: nothing is live on staging of fraud", "fraud@staging"},
        };
        for (Object[] c : cases) {
            var r = cli.run("path", (String) c[2]);
            assertThat(r.code()).as(r.toString()).isEqualTo(c[0]);
            assertThat(r.err()).as(r.toString()).isEqualTo(c[1] + "\n");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void bumpStartsFromTheHighestSemverLabelAndAutoNumbersLikeMlflow() throws Exception {
        assertThat(ok("register", "fraud", "--bump", "minor", "--artifact", art).out()).startsWith("registered fraud 1.2.0");
        assertThat(ok("register", "fraud", "--bump", "patch", "--artifact", art).out()).startsWith("registered fraud 1.2.1");
        JsonNode major = JSON.readTree(ok("register", "fraud", "--bump", "MAJOR", "--artifact", art, "--json").out());
        assertThat(major.get("version").asText()).isEqualTo("2.0.0");
        assertThat(ok("register", "churn", "--label", "auto", "--artifact", art).out()).startsWith("registered churn 1 ");
        assertThat(ok("register", "churn", "--label", "auto", "--artifact", art).out()).startsWith("registered churn 2 ");
        assertThat(ok("register", "churn", "--label", "exp-a", "--artifact", art).out()).startsWith("registered churn exp-a");
        assertThat(ok("register", "churn", "--label", "auto", "--artifact", art).out()).startsWith("registered churn 3 ");
    }

    @Test
    void labelChoicesThatCannotWorkAreRefusedAndChangeNothing() throws Exception {
        ok("register", "churn", "--label", "auto", "--artifact", art);
        String before = CatalogDump.of(cli.catalog());
        Object[][] cases = {
            {1, "cannot bump: model churn has no semver label (like 1.4.2) to bump from; give the label, or --label auto",
                new String[] {"register", "churn", "--bump", "patch", "--artifact", art}},
            {1, "cannot bump: model newbie has no semver label",
                new String[] {"register", "newbie", "--bump", "major", "--artifact", art}},
            {2, "register needs the new version's label: give VERSION, --label LABEL, --label auto, or --bump",
                new String[] {"register", "churn", "--artifact", art}},
            {2, "register takes the new version's label once",
                new String[] {"register", "churn", "5", "--label", "auto", "--artifact", art}},
            {2, "register takes the new version's label once",
                new String[] {"register", "fraud", "--label", "9.9.9", "--bump", "major", "--artifact", art}},
            {2, "Invalid value for option '--bump'",
                new String[] {"register", "fraud", "--bump", "huge", "--artifact", art}},
        };
        for (Object[] c : cases) {
            var r = cli.run((String[]) c[2]);
            assertThat(r.code()).as(r.toString()).isEqualTo(c[0]);
            assertThat(r.err()).as(r.toString()).startsWith("rewind: ").contains((String) c[1]);
            assertThat(r.err().lines().count()).isEqualTo(1);
            assertThat(CatalogDump.of(cli.catalog())).isEqualTo(before);
        }
    }

    @Test
    void unknownNamesEverywhereGetADidYouMeanAndATargetTypoIsNotOfferedForCreation() {
        Object[][] cases = {
            {"rewind: model fraud has no target 'prodution' (did you mean 'production'?)",
                new String[] {"deploy", "fraud", "prodution", "1.1.0"}},
            {"rewind: model fraud has no target 'Staging' (did you mean 'staging'?)",
                new String[] {"history", "fraud", "--target", "Staging"}},
            {"rewind: unknown model 'frud' (did you mean 'fraud'?)", new String[] {"versions", "frud"}},
            {"rewind: model fraud has no version '1.0.9' (did you mean '1.0.0'?)", new String[] {"show", "fraud", "1.0.9"}},
            {"rewind: model fraud has no version '1.10' (did you mean '1.1.0'?)",
                new String[] {"deploy", "fraud", "production", "1.10"}},
            {"rewind: unknown model 'zzz'", new String[] {"show", "zzz", "1"}},
        };
        for (Object[] c : cases) {
            var r = cli.run((String[]) c[1]);
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(r.toString()).isEqualTo(c[0] + "\n");
            assertThat(r.err()).doesNotContain("target add");
        }
    }
}

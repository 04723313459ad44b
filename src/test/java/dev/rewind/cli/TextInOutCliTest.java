package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.importer.MlflowFixturesAccess;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names and text in and out of the command line: literal arguments, the name policy, escaped output. */
class TextInOutCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    CliRun cli;
    Path artifact;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(dir.resolve("home/cat"));
        cli = new CliRun(dir.resolve("home/cat/catalog.db"));
        artifact = Files.writeString(dir.resolve("model.pkl"), "model bytes");
        assertThat(cli.run("init").code()).isZero();
        assertThat(cli.run("register", "fraud", "1.0.0", "--artifact", artifact.toString()).code()).isZero();
    }

    @Test
    void atFileArgumentsAreTakenLiterallyNeverRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("hostname"), "SECRET-CONTENT");
        var r = cli.run("tag", "fraud", "1.0.0", "reviewed", "--reason", "@" + secret);
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode history = JSON.readTree(cli.run("history", "fraud", "--json").out());
        assertThat(history.toString()).doesNotContain("SECRET-CONTENT");
        assertThat(history.findValuesAsText("reason")).contains("@" + secret);
        assertThat(cli.run("register", "@" + secret, "1", "--artifact", artifact.toString()).code()).isZero();
        assertThat(cli.run("models").out()).contains("@" + secret).doesNotContain("SECRET-CONTENT");
    }

    @Test
    void aModelNamedLikeAPathCreatesNoFileOutsideTheCatalogFolder() throws Exception {
        List<Path> before = files(dir);
        for (String name : List.of("../../etc", "../../../../../../tmp/rewind-escape", "/etc/cron.d/x", "..")) {
            var r = cli.run("register", name, "1", "--artifact", artifact.toString());
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(cli.run("target", "add", name, "../serving").code()).isZero();
        }
        List<Path> after = files(dir);
        assertThat(after.stream().filter(p -> !before.contains(p)))
                .allSatisfy(p -> assertThat(p).startsWith(dir.resolve("home/cat")));
        assertThat(dir.resolve("etc")).doesNotExist();
        assertThat(Path.of("/tmp/rewind-escape")).doesNotExist();
        JsonNode models = JSON.readTree(cli.run("models", "--json").out());
        assertThat(models.findValuesAsText("model")).contains("../../etc", "..");
    }

    @Test
    void lookAlikeNamesAreRefusedNamingBoth() {
        var r = cli.run("register", "fr\u0430ud", "1.0.0", "--artifact", artifact.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("rewind: model name 'fr\u0430ud' looks like the existing 'fraud' (U+0430"
                + " CYRILLIC SMALL LETTER A at position 3); use that name or a clearly different one\n");
        assertThat(cli.run("target", "add", "fraud", "production").code()).isZero();
        var t = cli.run("target", "add", "fraud", "pr\u043Eduction");
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains("'pr\u043Eduction'", "'production'", "CYRILLIC SMALL LETTER O");
        assertThat(cli.run("target", "add", "fraud", "staging").code()).isZero();
    }

    @Test
    void composedAndDecomposedNamesAreOneName() {
        assertThat(cli.run("register", "caf\u00e9", "1", "--artifact", artifact.toString()).code()).isZero();
        var r = cli.run("register", "cafe\u0301", "1", "--artifact", artifact.toString());
        assertThat(r.err()).contains("already has a version 1");
        assertThat(cli.run("register", "cafe\u0301", "2", "--artifact", artifact.toString()).code()).isZero();
        assertThat(cli.run("versions", "caf\u00e9").out()).contains("1", "2");
    }

    @Test
    void noneIsTheExpectSentinelNotALabel() {
        var r = cli.run("register", "fraud", "none", "--artifact", artifact.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("version label 'none' is refused", "--expect");
        assertThat(cli.run("target", "add", "fraud", "production").code()).isZero();
        assertThat(cli.run("deploy", "fraud", "production", "1.0.0", "--expect", "none").code()).isZero();
    }

    @Test
    void metricValuesFollowOneStrictGrammar() throws Exception {
        String a = artifact.toString();
        assertThat(cli.run("register", "m", "1", "--artifact", a, "--metric", "loss=nan", "--metric", "auc=-INF",
                "--metric", "f1=1.5e-3").code()).isZero();
        for (String bad : List.of("x=1e400", "x=5d", "x=0x1p3", "x=", "x= 1", "x=1f", "x=Infinityx")) {
            var r = cli.run("register", "m", "2", "--artifact", a, "--metric", bad);
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err()).as(bad).contains("metric x has").doesNotContain("\n\n");
        }
        JsonNode v = JSON.readTree(cli.run("show", "m", "1", "--json").out());
        assertThat(v.get("metrics").get("f1").asDouble()).isEqualTo(1.5e-3);
    }

    @Test
    void whatACatalogHoldsIsPrintedEscapedSoItCannotForgeRowsOrColours() throws Exception {
        // rows written past Rewind (an old catalog, or a careless hand): escape codes and a line break
        CatalogDump.exec(cli.catalog(), "UPDATE models SET name = 'evil' || char(27) || '[31m' WHERE name = 'fraud'",
                "INSERT INTO version_tags(version_id, key, value) SELECT id, 'note', 'ok' || char(10)"
                        + " || '99  forged row' || char(8238) FROM versions");
        String models = cli.run("models").out();
        assertThat(models).contains("evil\\u001b[31m").doesNotContain("\u001b");
        var h = cli.run("versions", "evil\u001b[31m");
        assertThat(h.code()).as(h.toString()).isZero();
        assertThat(h.out()).contains("note=ok\\u000a99  forged row\\u202e").doesNotContain("\u202e");
        assertThat(h.out().lines()).noneMatch(l -> l.startsWith("99"));
        assertThat(cli.run("show", "evil\u001b[31m", "1.0.0").out()).contains("\\u000a").doesNotContain("\u001b");
        var err = cli.run("versions", "x\u001b]0;title\u0007");
        assertThat(err.err()).isEqualTo("rewind: unknown model 'x\\u001b]0;title\\u0007'\n");
    }

    @Test
    void anImportedStoreWithBadNamesIsRefusedOrRenamedVisibly() throws Exception {
        Path store = MlflowFixturesAccess.db(Files.createDirectories(dir.resolve("src")));
        String longName = "m".repeat(200);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store);
             PreparedStatement ps = c.prepareStatement("UPDATE registered_model_aliases SET alias = ?")) {
            ps.setString(1, "champ\u001b[2Jion");
            ps.executeUpdate();
        }
        String before = CatalogDump.of(cli.catalog());
        var r = cli.run("import", "mlflow", store.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("alias 'champ\\u001b[2Jion'", "target name contains a control character (U+001B)",
                "nothing was imported", "--rename-invalid", "'champ%1B[2Jion'").doesNotContain("\u001b");
        assertThat(CatalogDump.of(cli.catalog())).isEqualTo(before);
        var ok = cli.run("import", "mlflow", "--rename-invalid", store.toString());
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("alias 'champ\\u001b[2Jion' target name: 'champ\\u001b[2Jion' → 'champ%1B[2Jion'");
        assertThat(cli.run("targets", "--json").out()).contains("champ%1B[2Jion");
        assertThat(longName).hasSize(200);
    }

    @Test
    void importedNamesOver200AreRefusedNeverCut() throws Exception {
        Path store = MlflowFixturesAccess.db(Files.createDirectories(dir.resolve("src")));
        String name = "n".repeat(201);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store)) {
            for (String t : List.of("registered_models", "model_versions", "registered_model_tags",
                    "model_version_tags", "registered_model_aliases")) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + t + " SET name = ?")) {
                    ps.setString(1, name);
                    ps.executeUpdate();
                }
            }
        }
        var r = cli.run("import", "mlflow", "--rename-invalid", store.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("model name is 201 characters long; at most 200", "nothing was imported");
        assertThat(cli.run("models", "--json").out()).doesNotContain("n".repeat(200));
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.toList();
        }
    }
}

package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.importer.MlflowFixturesAccess;
import dev.rewind.support.CliRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A target of kind mlflow-alias: a move sets the alias row in mlflow.db, and verify watches it. */
class MlflowAliasTargetCliTest {
    static final String MODEL = "fraud-模型";

    @TempDir
    Path dir;
    Path mlflow;
    CliRun cli;

    @BeforeEach
    void importFixture() throws Exception {
        mlflow = MlflowFixturesAccess.db(dir);
        cli = new CliRun(dir.resolve("c.db"));
        assertThat(cli.run("init").code()).isZero();
        assertThat(cli.run("import", "mlflow", mlflow.toString()).code()).isZero();
    }

    @Test
    void aMoveSetsTheAliasReadsItBackAndAReimportSeesIt() throws Exception {
        var added = cli.run("target", "add", MODEL, "live", "--kind", "mlflow-alias", "--mlflow", mlflow.toString(),
                "--alias", "champion");
        assertThat(added.code()).as(added.toString()).isZero();
        assertThat(added.out()).contains("MLflow alias champion of " + MODEL);
        assertThat(alias(mlflow, "champion")).isEqualTo(2);

        var moved = cli.run("deploy", MODEL, "live", label(3));
        assertThat(moved.code()).as(moved.toString()).isZero();
        assertThat(moved.out()).contains("MLflow alias champion").contains("verified").doesNotContain("recorded only");
        assertThat(alias(mlflow, "champion")).isEqualTo(3);
        assertThat(count(mlflow, "SELECT count(*) FROM registered_model_aliases")).as("only that row").isEqualTo(1);

        assertThat(cli.run("import", "mlflow", mlflow.toString()).code()).isZero();
        assertThat(serves("champion")).as("the imported alias target moved").isEqualTo(label(3));
        assertThat(cli.run("verify").code()).as(cli.run("verify").toString()).isZero();
    }

    @Test
    void verifyReportsAHandMovedAliasAndRepairPutsItBack() throws Exception {
        cli.run("target", "add", MODEL, "live", "--kind", "mlflow-alias", "--mlflow", mlflow.toString(), "--alias", "champion");
        assertThat(cli.run("deploy", MODEL, "live", label(3)).code()).isZero();
        exec(mlflow, "UPDATE registered_model_aliases SET version = 1 WHERE alias = 'champion'");

        var v = cli.run("verify");
        assertThat(v.code()).isNotZero();
        assertThat(v.out() + v.err()).contains("MLflow alias champion").contains("holds 1").contains("moved outside Rewind");
        var repaired = cli.run("verify", "--repair");
        assertThat(repaired.code()).as(repaired.toString()).isZero();
        assertThat(alias(mlflow, "champion")).isEqualTo(3);
    }

    @Test
    void aVersionFromElsewhereAndAStoreWithoutAliasesAreRefusedInOneLine() throws Exception {
        cli.run("target", "add", MODEL, "live", "--kind", "mlflow-alias", "--mlflow", mlflow.toString(), "--alias", "champion");
        Path a = java.nio.file.Files.writeString(dir.resolve("a.bin"), "bytes");
        assertThat(cli.run("register", MODEL, "9.9", "--artifact", a.toString()).code()).isZero();
        var refused = cli.run("deploy", MODEL, "live", "9.9");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err().strip()).doesNotContain("\n").contains("was not imported from MLflow");
        assertThat(alias(mlflow, "champion")).isEqualTo(2);
        assertThat(cli.run("targets", MODEL, "--json").out()).doesNotContain("9.9");

        Path old = MlflowFixturesAccess.dbWithoutAliases(java.nio.file.Files.createDirectories(dir.resolve("old")));
        var noAliases = cli.run("target", "add", MODEL, "old", "--kind", "mlflow-alias", "--mlflow", old.toString(),
                "--alias", "champion");
        assertThat(noAliases.code()).isNotZero();
        assertThat(noAliases.err().strip()).doesNotContain("\n").contains("no model aliases");
    }

    @Test
    void aLockedStoreIsRefusedBeforeTheCatalogMoves() throws Exception {
        cli.run("target", "add", MODEL, "live", "--kind", "mlflow-alias", "--mlflow", mlflow.toString(), "--alias", "champion");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mlflow); Statement st = c.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            var locked = cli.run("deploy", MODEL, "live", label(3));
            st.execute("ROLLBACK");
            assertThat(locked.code()).isNotZero();
            assertThat(locked.err().strip()).doesNotContain("\n").contains("locked by another program")
                    .contains("nothing changed");
        }
        assertThat(alias(mlflow, "champion")).isEqualTo(2);
        assertThat(cli.run("verify").code()).isZero();
    }

    /** The Rewind label the importer gives MLflow version {@code n}: its number. */
    private static String label(int n) {
        return Integer.toString(n);
    }

    /** The version a target serves, from {@code targets --json}. */
    private String serves(String target) throws Exception {
        for (var t : new com.fasterxml.jackson.databind.ObjectMapper().readTree(cli.run("targets", MODEL, "--json").out())) {
            if (t.get("target").asText().equals(target)) {
                return t.get("version").asText();
            }
        }
        throw new AssertionError("no target " + target);
    }

    static int alias(Path db, String alias) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement ps = c.prepareStatement("SELECT version FROM registered_model_aliases WHERE alias = ?")) {
            ps.setString(1, alias);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    static long count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void exec(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}

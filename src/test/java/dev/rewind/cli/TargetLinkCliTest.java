package dev.rewind.cli;

import static dev.rewind.cli.MlflowAliasTargetCliTest.alias;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.importer.MlflowFixturesAccess;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target link}: a target an MLflow import created (recorded only) gets the alias its moves will set, once; and
 * a pointer row put in behind Rewind's back is a change of the target's signed facts that verify names.
 */
class TargetLinkCliTest {
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
    void anImportedTargetLinkedToItsAliasMovesTheAliasFromThenOn() throws Exception {
        var before = cli.run("deploy", MODEL, "champion", "1", "--dry-run");
        assertThat(before.out()).contains("recorded only");

        var linked = cli.run("target", "link", MODEL, "champion", "--kind", "mlflow-alias", "--mlflow",
                mlflow.toString(), "--alias", "champion");
        assertThat(linked.code()).as(linked.toString()).isZero();
        assertThat(linked.out()).startsWith("linked target champion of " + MODEL + " to MLflow alias champion of "
                + MODEL + " in ");
        assertThat(alias(mlflow, "champion")).as("linking changes nothing in MLflow").isEqualTo(2);
        assertThat(cli.run("history", MODEL, "--target", "champion").out()).contains("linked to MLflow alias champion");
        assertThat(cli.run("verify").code()).as(cli.run("verify").toString()).isZero();

        var moved = cli.run("deploy", MODEL, "champion", "3", "--reason", "retrained");
        assertThat(moved.code()).as(moved.toString()).isZero();
        assertThat(moved.out()).contains("MLflow alias champion").contains("verified").doesNotContain("recorded only");
        assertThat(alias(mlflow, "champion")).isEqualTo(3);
        assertThat(cli.run("verify").code()).isZero();
    }

    @Test
    void badLinksAreRefusedInOneLineAndChangeNothing() throws Exception {
        Path served = Files.createDirectories(dir.resolve("serve"));
        Path a = Files.writeString(dir.resolve("a.bin"), "bytes");
        assertThat(cli.run("register", "other", "1.0", "--artifact", a.toString()).code()).isZero();
        assertThat(cli.run("target", "add", "other", "live").code()).isZero();
        assertThat(cli.run("target", "add", MODEL, "served", "--serving-dir", served.toString()).code()).isZero();
        assertThat(cli.run("target", "link", MODEL, "champion", "--kind", "mlflow-alias", "--mlflow",
                mlflow.toString(), "--alias", "champion").code()).isZero();
        Path old = MlflowFixturesAccess.dbWithoutAliases(Files.createDirectories(dir.resolve("old")));
        String m = mlflow.toString();

        refused("holds nothing, but the target serves 3", "production", "--kind", "mlflow-alias", "--mlflow", m,
                "--alias", "production");
        refused("holds 2, but the target serves 3", "production", "--kind", "mlflow-alias", "--mlflow", m,
                "--alias", "champion");
        refused("already moves MLflow alias champion", "champion", "--kind", "mlflow-alias", "--mlflow", m,
                "--alias", "champion");
        refused("already moves serving dir", "served", "--kind", "mlflow-alias", "--mlflow", m, "--alias", "x");
        refused("no model aliases", "production", "--kind", "mlflow-alias", "--mlflow", old.toString(),
                "--alias", "production");
        refused("no registered model 'nope'", "production", "--kind", "mlflow-alias", "--mlflow", m,
                "--mlflow-model", "nope", "--alias", "production");
        refused("needs --mlflow", "production", "--kind", "mlflow-alias", "--mlflow", m);
        refused("--kind mlflow-alias or --kind gto", "production", "--kind", "dir");
        refused("unknown target kind", "production", "--kind", "serving");
        refused("has no target 'nowhere'", "nowhere", "--kind", "mlflow-alias", "--mlflow", m, "--alias", "x");
        refusedIn("other", "no version of other was imported from MLflow model '" + MODEL + "'", "live",
                "--kind", "mlflow-alias", "--mlflow", m, "--mlflow-model", MODEL, "--alias", "champion");
        refused("alias must be one line", "production", "--kind", "mlflow-alias", "--mlflow", m, "--alias",
                "pro\nduction");
        refused("it is not a folder", "production", "--kind", "gto", "--repo", dir.resolve("none").toString(),
                "--stage", "prod");
    }

    @Test
    void targetAddKindAdmitsByTheSameRule() throws Exception {
        Path a = Files.writeString(dir.resolve("a.bin"), "bytes");
        assertThat(cli.run("register", "other", "1.0", "--artifact", a.toString()).code()).isZero();
        String before = CatalogDump.of(cli.catalog());
        var unknown = cli.run("target", "add", MODEL, "x", "--kind", "mlflow-alias", "--mlflow", mlflow.toString(),
                "--mlflow-model", "nope", "--alias", "x");
        assertThat(unknown.code()).isNotZero();
        assertThat(unknown.err().strip()).doesNotContain("\n").contains("no registered model 'nope'");
        var elsewhere = cli.run("target", "add", "other", "x", "--kind", "mlflow-alias", "--mlflow", mlflow.toString(),
                "--mlflow-model", MODEL, "--alias", "x");
        assertThat(elsewhere.code()).isNotZero();
        assertThat(elsewhere.err().strip()).doesNotContain("\n").contains("no version of other was imported");
        assertThat(CatalogDump.of(cli.catalog())).isEqualTo(before);
    }

    @Test
    void aPointerRowInsertedByHandIsReportedByVerifyByTargetName() throws Exception {
        assertThat(cli.run("verify").code()).isZero();
        CatalogDump.exec(cli.catalog(), "INSERT INTO target_pointers(target_id, kind, store, name, pointer) "
                + "SELECT id, 'mlflow-alias', '" + mlflow + "', '" + MODEL + "', 'production' FROM targets"
                + " WHERE name = 'production'");
        var v = cli.run("verify");
        assertThat(v.code()).isNotZero();
        assertThat(v.out() + v.err()).contains("target production of " + MODEL).contains("external pointer");
        var move = cli.run("deploy", MODEL, "production", "2", "--reason", "x");
        assertThat(move.code()).as("a catalog whose facts were altered moves nothing").isNotZero();
        assertThat(move.err()).contains("target production");
        assertThat(alias(mlflow, "production")).isEqualTo(-1);
    }

    /** {@code target link MODEL ARGS…} exits non-zero with one line saying {@code says}, and changes nothing. */
    private void refused(String says, String... args) {
        refusedIn(MODEL, says, args);
    }

    private void refusedIn(String model, String says, String... args) {
        String before = CatalogDump.of(cli.catalog());
        String[] all = new String[args.length + 3];
        all[0] = "target";
        all[1] = "link";
        all[2] = model;
        System.arraycopy(args, 0, all, 3, args.length);
        var r = cli.run(all);
        assertThat(r.code()).as(r.toString()).isNotZero();
        assertThat(r.err().strip()).as(r.toString()).doesNotContain("\n").contains(says);
        assertThat(CatalogDump.of(cli.catalog())).as("nothing changed: " + says).isEqualTo(before);
    }
}

package dev.rewind.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.support.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog signed before a target's pointer joined its facts (src/test/resources/dev/rewind/signed-v8, written by
 * the Rewind of 0282567) still verifies: the targets, none with a pointer, keep the digests they were signed with.
 */
class SignedBeforePointersTest {
    private static final String FIXTURE = "/dev/rewind/signed-v8/";
    /** With a target whose MLflow alias was set with it (see its README). */
    private static final String POINTER_FIXTURE = "/dev/rewind/signed-v8-pointer/";
    private static final Path POINTER_STORE = Path.of("/tmp/rewind-signed-v8-pointer");
    private static final String MODEL = "fraud-模型";

    @TempDir
    Path dir;

    @Test
    void aCatalogSignedBeforePointersStillVerifies() throws Exception {
        Path db = copy("catalog.db", dir.resolve("catalog.db"));
        copy("catalog.db.head", dir.resolve("catalog.db.head"));
        Files.createDirectories(dir.resolve("artifacts"));
        for (String a : List.of("9cc0331d3827f50f866faf9b35536d1625a04470519325d79a3d2cf697377509",
                "ffd2f01c726d26788efa8b4417ea2222e111a7e03d6d254e76835f6912fe40b9")) {
            copy("artifacts/" + a, dir.resolve("artifacts").resolve(a));
        }
        CliRun cli = new CliRun(db);
        var v = cli.run("verify");
        assertThat(v.code()).as(v.toString()).isZero();
        assertThat(cli.run("targets", "credit", "--all").out()).contains("staging").contains("production").contains("old");

        // and the digests are really checked: a guard changed by hand is still caught
        dev.rewind.support.CatalogDump.exec(db, "UPDATE target_guards SET min = 0.5");
        var tampered = cli.run("verify");
        assertThat(tampered.code()).isNotZero();
        assertThat(tampered.out() + tampered.err()).contains("target production of credit");
    }

    @Test
    void aPointerNamedByItsSignedAddEventStillVerifiesAndMovesButNoOtherPointerDoes() throws Exception {
        // the fixture's target names this store by its absolute path: make the same store there again
        Files.createDirectories(POINTER_STORE);
        Files.deleteIfExists(POINTER_STORE.resolve("mlflow-workspaces.db")); // a run before moved its alias
        Path store = dev.rewind.importer.MlflowFixturesAccess.db(POINTER_STORE);
        Path db = copyPointerFixture(dir.resolve("a"));
        CliRun cli = new CliRun(db);
        var v = cli.run("verify");
        assertThat(v.out() + v.err()).as("the signed facts hold").doesNotContain("facts:");
        var move = cli.run("deploy", MODEL, "live", "2", "--reason", "back to 2");
        assertThat(move.code()).as(move.toString()).isZero();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store); var st = c.createStatement();
             var rs = st.executeQuery("SELECT version FROM registered_model_aliases WHERE alias = 'champion'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("the move set MLflow's alias").isEqualTo(2);
        }
        var after = cli.run("verify");
        assertThat(after.code()).as(after.toString()).isZero();

        // the old reason vouches for that pointer only: another one put in its place is caught, and moves stop
        Path other = copyPointerFixture(dir.resolve("b"));
        dev.rewind.support.Tamper.withTriggersDropped(other, "UPDATE target_pointers SET pointer = 'production'");
        CliRun otherCli = new CliRun(other);
        var tampered = otherCli.run("verify");
        assertThat(tampered.code()).isNotZero();
        assertThat(tampered.out() + tampered.err()).contains("facts: target live of " + MODEL);
        assertThat(otherCli.run("deploy", MODEL, "live", "2", "--reason", "x").code()).isNotZero();
    }

    private Path copyPointerFixture(Path to) throws IOException {
        Files.createDirectories(to);
        copy(POINTER_FIXTURE, "catalog.db", to.resolve("catalog.db"));
        copy(POINTER_FIXTURE, "catalog.db.head", to.resolve("catalog.db.head"));
        return to.resolve("catalog.db");
    }

    private static Path copy(String name, Path to) throws IOException {
        return copy(FIXTURE, name, to);
    }

    private static Path copy(String fixture, String name, Path to) throws IOException {
        try (InputStream in = SignedBeforePointersTest.class.getResourceAsStream(fixture + name)) {
            assertThat(in).as(name).isNotNull();
            Files.copy(in, to);
        }
        return to;
    }
}

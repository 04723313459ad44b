package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.importer.MlflowFixturesAccess;
import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/rollback --dry-run} says what the move amounts to in the target's own tool and changes nothing: every
 * file under the test folder (catalog, artifacts, serving dir, mlflow.db) is byte-identical afterwards.
 */
class DryRunCliTest {
    static final String MODEL = "fraud-模型";

    @TempDir
    Path dir;

    @Test
    void aDryRunShowsTheNativeEquivalentAndChangesNoByte() throws Exception {
        Path mlflow = MlflowFixturesAccess.db(Files.createDirectories(dir.resolve("store")));
        CliRun cli = new CliRun(dir.resolve("c.db"));
        assertThat(cli.run("init").code()).isZero();
        assertThat(cli.run("import", "mlflow", mlflow.toString()).code()).isZero();
        assertThat(cli.run("target", "add", MODEL, "live", "--kind", "mlflow-alias", "--mlflow", mlflow.toString(),
                "--alias", "champion").code()).isZero();
        Path a = Files.writeString(dir.resolve("a.bin"), "weights");
        Path b = Files.writeString(dir.resolve("b.bin"), "other weights");
        assertThat(cli.run("register", "m", "1.0", "--artifact", a.toString()).code()).isZero();
        assertThat(cli.run("register", "m", "2.0", "--artifact", b.toString()).code()).isZero();
        assertThat(cli.run("target", "add", "m", "production", "--serving-dir", dir.resolve("serve").toString())
                .code()).isZero();
        assertThat(cli.run("deploy", "m", "production", "1.0").code()).isZero();
        assertThat(cli.run("deploy", "m", "production", "2.0").code()).isZero();
        assertThat(cli.run("target", "add", "m", "staging").code()).isZero();
        Map<String, String> before = hashes(dir);

        var alias = cli.run("deploy", MODEL, "live", "3", "--dry-run");
        assertThat(alias.code()).as(alias.toString()).isZero();
        assertThat(alias.out()).contains("dry run: would deploy live of " + MODEL + ": nothing → 3; nothing was changed")
                .contains("amounts to: MlflowClient().set_registered_model_alias(\"" + MODEL + "\", \"champion\", \"3\")");
        var dirMove = cli.run("rollback", "m", "production", "--dry-run");
        assertThat(dirMove.code()).as(dirMove.toString()).isZero();
        assertThat(dirMove.out()).contains("would roll back production of m: 2.0 → 1.0")
                .contains("amounts to: ln -sfn ").contains(dir.resolve("serve").resolve("current").toString());
        var json = new ObjectMapper().readTree(cli.run("deploy", "m", "staging", "2.0", "--dry-run", "--json").out());
        assertThat(json.get("recordedOnly").asBoolean()).isTrue();
        assertThat(json.get("nativeEquivalent").isNull()).isTrue();
        var refused = cli.run("deploy", MODEL, "live", "9.9", "--dry-run");
        assertThat(refused.code()).isNotZero();

        assertThat(hashes(dir)).as("no file under the test folder changed").isEqualTo(before);
        assertThat(MlflowAliasTargetCliTest.alias(mlflow, "champion")).isEqualTo(2);
    }

    static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String key = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    out.put(key, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                } else {
                    out.put(key, "dir");
                }
            }
        }
        return out;
    }
}

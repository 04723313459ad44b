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

    private static Path copy(String name, Path to) throws IOException {
        try (InputStream in = SignedBeforePointersTest.class.getResourceAsStream(FIXTURE + name)) {
            assertThat(in).as(name).isNotNull();
            Files.copy(in, to);
        }
        return to;
    }
}

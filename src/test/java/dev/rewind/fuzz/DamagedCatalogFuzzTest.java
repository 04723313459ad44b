package dev.rewind.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of a real catalog (truncated, bytes flipped in the header and in pages, pages zeroed, garbage
 * appended): every read command ends promptly with a one-line answer and no stack trace, and never writes.
 */
class DamagedCatalogFuzzTest {
    private static final int MUTANTS = 520;

    @TempDir
    Path dir;

    @Test
    void damagedCatalogsNeverHangTraceOrWrite() throws Exception {
        CliRun original = new CliRun(dir.resolve("catalog.db"));
        original.run("init");
        Path art = Files.writeString(dir.resolve("m.bin"), "weights");
        for (int i = 0; i < 4; i++) {
            original.run("register", "m", "1." + i, "--artifact", art.toString(), "--metric", "auc=0.9" + i);
        }
        original.run("target", "add", "m", "production");
        original.run("deploy", "m", "production", "1.0");
        original.run("tag", "m", "1.1", "failed", "--reason", "bad");
        byte[] clean = Files.readAllBytes(original.catalog());
        Random random = new Random(13);
        int[] outcomes = new int[4];
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            for (int i = 0; i < MUTANTS; i++) {
                Path folder = Files.createDirectories(dir.resolve("mutant-" + i));
                Path db = folder.resolve("catalog.db");
                byte[] bytes = mutate(clean, random, i);
                Files.write(db, bytes);
                CliRun cli = new CliRun(db);
                for (String[] cmd : new String[][] {{"models"}, {"verify"}, {"history", "m"}}) {
                    CliRun.Result r = cli.run(cmd);
                    String what = "mutant " + i + " " + String.join(" ", cmd) + ": " + r;
                    assertThat(r.code()).as(what).isIn(0, 1, 2, 3);
                    outcomes[r.code()]++;
                    assertThat(r.err()).as(what).doesNotContain("\tat ").doesNotContain("unexpected error");
                    assertThat(r.err().lines().count()).as(what).isLessThanOrEqualTo(1);
                    assertThat(Files.readAllBytes(db)).as(what + " wrote to the file").isEqualTo(bytes);
                    try (Stream<Path> s = Files.list(folder)) {
                        assertThat(s.map(p -> p.getFileName().toString())).as(what).containsExactly("catalog.db");
                    }
                }
            }
        });
        System.out.printf("damaged-catalog mutants: %d (command outcomes: %d ok, %d refused/problems, %d bad input,"
                + " %d unreadable)%n", MUTANTS, outcomes[0], outcomes[1], outcomes[2], outcomes[3]);
    }

    private static byte[] mutate(byte[] clean, Random random, int i) {
        byte[] b = clean.clone();
        switch (i % 6) {
            case 0 -> {
                return Arrays.copyOf(b, random.nextInt(b.length));
            }
            case 1 -> b[random.nextInt(100)] ^= (byte) (1 + random.nextInt(255));
            case 2 -> {
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    b[100 + random.nextInt(b.length - 100)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            case 3 -> {
                int page = 4096 * random.nextInt(Math.max(1, b.length / 4096));
                Arrays.fill(b, page, Math.min(b.length, page + 4096), (byte) 0);
            }
            case 4 -> {
                byte[] more = Arrays.copyOf(b, b.length + 1 + random.nextInt(5000));
                for (int k = b.length; k < more.length; k++) {
                    more[k] = (byte) random.nextInt(256);
                }
                return more;
            }
            default -> {
                int at = random.nextInt(b.length - 16);
                for (int k = 0; k < 16; k++) {
                    b[at + k] = (byte) random.nextInt(256);
                }
            }
        }
        return b;
    }

}

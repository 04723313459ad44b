package dev.rewind.bench;

import dev.rewind.catalog.ArtifactStore;
import dev.rewind.domain.MoveRequest;
import dev.rewind.service.RegisterRequest;
import dev.rewind.support.Fixture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 6: {@code mvn test -Pbench -Dtest=HashOnceBenchmark}. A window-style rollback (preview, then
 * rollback with a serving dir) to a 1 GB artifact against one {@code sha256sum} of the same stored file, measured
 * in alternation so both see the same page cache and machine load. Prints, never asserts on time.
 * {@code -Dbench.artifact.mb=N} changes the size.
 */
@Tag("benchmark")
class HashOnceBenchmark {
    static final int MB = Integer.getInteger("bench.artifact.mb", 1024);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

    @TempDir
    Path dir;

    @Test
    void rollbackToALargeArtifactAgainstOneSha256sum() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            Path big = dir.resolve("big.bin");
            writeRandom(big, MB);
            f.services.registry().register(new RegisterRequest("m", "3.0", big, List.of(), null, null, null, null, null));
            Files.delete(big);
            Path small = Files.writeString(dir.resolve("small.bin"), "weights of 4.0");
            f.services.registry().register(new RegisterRequest("m", "4.0", small, List.of(), null, null, null, null,
                    null));
            Path stored = f.catalog.artifacts().pathOf(f.services.registry().show("m", "3.0").artifact().sha256());
            sha256sum(stored); // warms the page cache for both sides alike

            long[] rollback = new long[ROUNDS];
            long[] sum = new long[ROUNDS];
            long[] oneHash = new long[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                f.services.deployments().deploy(MoveRequest.of("m", "production", "4.0").because("bench"));
                sum[i] = sha256sum(stored);
                long h0 = System.nanoTime();
                ArtifactStore.checksum(stored);
                oneHash[i] = System.nanoTime() - h0;
                MoveRequest r = MoveRequest.of("m", "production", "3.0").expecting(Optional.of("4.0")).because("bench");
                long t0 = System.nanoTime();
                f.services.deployments().preview(r);
                f.services.deployments().rollback(r);
                rollback[i] = System.nanoTime() - t0;
            }
            Arrays.sort(rollback);
            Arrays.sort(sum);
            Arrays.sort(oneHash);
            double jh = oneHash[ROUNDS / 2] / 1e6;
            double rb = rollback[ROUNDS / 2] / 1e6;
            double ss = sum[ROUNDS / 2] / 1e6;
            System.out.printf("hash-once artifact=%d MB rounds=%d rollback(preview+rollback, serving dir) median=%.0f ms"
                    + " sha256sum median=%.0f ms ratio=%.2f; one in-process SHA-256 median=%.0f ms ratio=%.2f%n",
                    MB, ROUNDS, rb, ss, rb / ss, jh, rb / jh);
        }
    }

    private static long sha256sum(Path file) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IOException("sha256sum failed");
        }
        return System.nanoTime() - t0;
    }

    private static void writeRandom(Path file, int mb) throws IOException {
        byte[] block = new byte[1 << 20];
        Random rnd = new Random(12);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mb; i++) {
                rnd.nextBytes(block);
                out.write(block);
            }
        }
    }
}

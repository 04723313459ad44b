package dev.rewind.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.service.VerifyService;
import dev.rewind.support.ChildJvm;
import dev.rewind.support.CrashWorker;
import dev.rewind.support.Fixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify judges one snapshot of the catalog: while another process deploys and rolls back the target with a
 * serving dir as fast as it can, verify never reports a problem that is not there.
 */
class VerifyUnderWriterTest {
    static final int ROUNDS = Integer.getInteger("verify.rounds", 60);
    /** Rounds during which the writer must have committed; on a loaded machine the loop runs on until then. */
    static final int OVERLAPS = 20;

    @TempDir
    Path dir;

    @Test
    void verifyNeverReportsAFalseProblemWhileAnotherProcessMoves() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            ChildJvm writer = ChildJvm.start(dir.resolve("native"), CrashWorker.class, f.db.toString(), "7");
            try {
                assertThat(writer.awaitReady(120)).as("writer started").isTrue();
                long before = f.catalog.read(tx -> tx.events().count());
                int movedDuring = 0;
                int round = 0;
                long deadline = System.nanoTime() + 180_000_000_000L;
                for (; round < ROUNDS || movedDuring < OVERLAPS && System.nanoTime() < deadline; round++) {
                    long start = f.catalog.read(tx -> tx.events().count());
                    VerifyService.Report r = f.services.verifier().verify(false);
                    assertThat(r.problems()).as("round %d", round).isEmpty();
                    if (f.catalog.read(tx -> tx.events().count()) > start) {
                        movedDuring++;
                    }
                }
                long moves = f.catalog.read(tx -> tx.events().count()) - before;
                System.out.printf("verify-under-writer rounds=%d moves=%d rounds-with-a-move-during=%d%n", round,
                        moves, movedDuring);
                // the loop proves something only if the writer really moved while verify was reading
                assertThat(movedDuring).as("rounds during which the writer committed").isGreaterThanOrEqualTo(OVERLAPS);
            } finally {
                writer.kill();
            }
        }
    }
}

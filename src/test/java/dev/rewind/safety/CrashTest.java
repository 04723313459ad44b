package dev.rewind.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.service.VerifyService;
import dev.rewind.support.ChildJvm;
import dev.rewind.support.CrashWorker;
import dev.rewind.support.Fixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule 6: a child JVM deploys and rolls back with a serving dir in a loop and is killed with SIGKILL at random
 * moments; after every kill, verify (with repair for interrupted switches) must restore rules 1–6, and every
 * event the child reported as committed must be in the catalog.
 */
class CrashTest {
    static final int KILLS = Integer.getInteger("crash.kills", 200);

    @TempDir
    Path dir;

    @Test
    void killedMidDeployLeavesACatalogThatVerifyRestores() throws Exception {
        Random rnd = new Random(20261126L);
        Set<Long> reported = new HashSet<>();
        int killsMidSwitch = 0;
        int killsAfterCommit = 0;
        try (Fixture f = Fixture.deployedThrice(dir)) {
            int window = killWindowMillis(f);
            for (int kill = 0; kill < KILLS; kill++) {
                ChildJvm child = ChildJvm.start(dir.resolve("native"), CrashWorker.class, f.db.toString(),
                        Long.toString(rnd.nextLong()));
                assertThat(child.awaitReady(60)).as("worker %d started", kill).isTrue();
                Thread.sleep(rnd.nextInt(window));
                child.kill();
                List<String> out = child.lines();
                out.stream().filter(l -> l.startsWith("committed ")).forEach(l -> reported.add(Long.parseLong(l.substring(10))));
                if (out.stream().anyMatch(l -> l.startsWith("committed "))) {
                    killsAfterCommit++;
                }

                VerifyService.Report repaired = f.services.verifier().verify(true);
                if (!repaired.repaired().isEmpty()) {
                    killsMidSwitch++;
                }
                assertThat(repaired.problems()).as("after kill %d", kill).isEmpty();
                assertThat(f.services.verifier().verify(false).problems()).as("after kill %d", kill).isEmpty();
                assertThat(eventIds(f.db)).as("events reported committed survive kill %d", kill).containsAll(reported);
            }
        }
        System.out.printf("crash-test kills=%d survived=%d mid-switch=%d after-a-commit=%d committed-reported=%d%n",
                KILLS, KILLS, killsMidSwitch, killsAfterCommit, reported.size());
        // the test only proves something if kills really land inside the crash window and after real work
        assertThat(killsMidSwitch).as("kills between commit and switch").isGreaterThan(KILLS / 10);
        assertThat(killsAfterCommit).as("kills after at least one reported commit").isGreaterThan(KILLS / 10);
    }

    /**
     * How long after "ready" kills land: 300 ms on a quiet machine, longer when this one is slow to reach its first
     * commit (a busy CI box), so that the kills still spread over real work instead of all landing before it.
     */
    private int killWindowMillis(Fixture f) throws Exception {
        long slowest = 0;
        for (int i = 0; i < 3; i++) {
            ChildJvm child = ChildJvm.start(dir.resolve("native"), CrashWorker.class, f.db.toString(), Long.toString(i));
            assertThat(child.awaitReady(60)).as("calibration worker started").isTrue();
            slowest = Math.max(slowest, child.millisUntilLine("committed ", 30_000));
            child.kill();
            f.services.verifier().verify(true);
        }
        int window = (int) Math.max(300, 3 * slowest);
        System.out.printf("crash-test first commit after %d ms at the slowest; kills land within %d ms%n", slowest, window);
        return window;
    }

    private static Set<Long> eventIds(Path db) throws Exception {
        Set<Long> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM events WHERE kind IN ('deploy','rollback')")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}

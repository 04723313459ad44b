package dev.rewind.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.service.VerifyService;
import dev.rewind.support.CatalogBackend;
import dev.rewind.support.ChildJvm;
import dev.rewind.support.CrashWorker;
import dev.rewind.support.Fixture;
import dev.rewind.support.PgSandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Rule 6: a child JVM deploys and rolls back with a serving dir in a loop and is killed with SIGKILL at random
 * moments; after every kill, verify (with repair for interrupted switches) must restore rules 1–6, the target's
 * pointer must equal its newest move, and every move the child reported as committed must be in the catalog. On
 * SQLite (the child is the only writer of a file) and on PostgreSQL (the child is a client of a server whose
 * connection dies with it).
 */
@ExtendWith(PgSandbox.class)
class CrashTest {
    static final int SQLITE_KILLS = Integer.getInteger("crash.kills", 200);
    static final int PG_KILLS = Integer.getInteger("crash.pgKills", 100);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void killedMidDeployLeavesACatalogThatVerifyRestores(CatalogBackend backend) throws Exception {
        int kills = backend.toString().equals("SQLite") ? SQLITE_KILLS : PG_KILLS;
        Random rnd = new Random(20261126L);
        List<Long> reported = new ArrayList<>();
        int killsMidSwitch = 0;
        int killsAfterCommit = 0;
        try (Fixture f = Fixture.deployedThrice(dir, backend)) {
            int window = killWindowMillis(f, backend);
            for (int kill = 0; kill < kills; kill++) {
                ChildJvm child = worker(backend, rnd.nextLong());
                assertThat(child.awaitReady(60)).as("worker %d started", kill).isTrue();
                Thread.sleep(rnd.nextInt(window));
                child.kill();
                List<Long> now = child.lines().stream().filter(l -> l.startsWith("committed "))
                        .map(l -> Long.parseLong(l.substring(10))).toList();
                reported.addAll(now);
                if (!now.isEmpty()) {
                    killsAfterCommit++;
                }

                VerifyService.Report repaired = f.services.verifier().verify(true);
                if (!repaired.repaired().isEmpty()) {
                    killsMidSwitch++;
                }
                assertThat(repaired.problems()).as("after kill %d", kill).isEmpty();
                assertThat(f.services.verifier().verify(false).problems()).as("after kill %d", kill).isEmpty();
                assertThat(f.live("production")).as("pointer equals the newest move after kill %d", kill)
                        .isEqualTo(newestMove(backend));
                assertThat(movesAmong(backend, now)).as("moves reported committed survive kill %d", kill)
                        .isEqualTo(now.size());
            }
        }
        System.out.printf("crash-test %s kills=%d survived=%d mid-switch=%d after-a-commit=%d committed-reported=%d%n",
                backend, kills, kills, killsMidSwitch, killsAfterCommit, reported.size());
        // the test only proves something if kills really land inside the crash window and after real work
        assertThat(killsMidSwitch).as("kills between commit and switch").isGreaterThan(kills / 10);
        assertThat(killsAfterCommit).as("kills after at least one reported commit").isGreaterThan(kills / 10);
    }

    private ChildJvm worker(CatalogBackend backend, long seed) throws Exception {
        return ChildJvm.start(dir.resolve("native"), CrashWorker.class, backend.address(dir), Long.toString(seed),
                dir.resolve("pg-local").toString());
    }

    /**
     * How long after "ready" kills land: 300 ms on a quiet machine, longer when this one is slow to reach its first
     * commit (a busy CI box), so that the kills still spread over real work instead of all landing before it.
     */
    private int killWindowMillis(Fixture f, CatalogBackend backend) throws Exception {
        long slowest = 0;
        for (int i = 0; i < 3; i++) {
            ChildJvm child = worker(backend, i);
            assertThat(child.awaitReady(60)).as("calibration worker started").isTrue();
            slowest = Math.max(slowest, child.millisUntilLine("committed ", 30_000));
            child.kill();
            f.services.verifier().verify(true);
        }
        int window = (int) Math.max(300, 3 * slowest);
        System.out.printf("crash-test %s first commit after %d ms at the slowest; kills land within %d ms%n", backend,
                slowest, window);
        return window;
    }

    /** The version the newest deploy or rollback of production moved it to. */
    private String newestMove(CatalogBackend backend) throws Exception {
        return backend.one(dir, "SELECT v.label FROM events e JOIN versions v ON v.id = e.to_version_id"
                + " WHERE e.kind IN ('deploy', 'rollback') AND e.target_id = (SELECT id FROM targets"
                + " WHERE name = 'production') ORDER BY e.id DESC LIMIT 1");
    }

    private int movesAmong(CatalogBackend backend, List<Long> ids) throws Exception {
        if (ids.isEmpty()) {
            return 0;
        }
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        return Integer.parseInt(backend.one(dir, "SELECT count(*) FROM events WHERE kind IN ('deploy', 'rollback')"
                + " AND id IN (" + in + ")"));
    }
}

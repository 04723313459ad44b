package dev.rewind.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.TargetPointer;
import dev.rewind.importer.MlflowFixturesAccess;
import dev.rewind.importer.mlflow.MlflowReader;
import dev.rewind.service.Services;
import dev.rewind.service.VerifyService;
import dev.rewind.support.AliasMoveWorker;
import dev.rewind.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process moving an mlflow-alias target is killed with SIGKILL after the catalog's commit and before the alias
 * row changed (the test holds MLflow's write lock at a random moment and kills the mover once the catalog shows a
 * pending switch). When the switch is still pending after the kill, verify reports it interrupted; after every
 * attempt, verify --repair makes the alias say what the catalog says.
 */
class AliasCrashTest {
    static final String MODEL = "fraud-模型";

    @TempDir
    Path dir;

    @Test
    void aMoverKilledMidSwitchIsFinishedByVerifyRepair() throws Exception {
        Path mlflow = MlflowFixturesAccess.db(Files.createDirectories(dir.resolve("store")));
        Path db = dir.resolve("c.db");
        Random rnd = new Random(20261130L);
        int midSwitch = 0;
        int attempts = 0;
        int finishedBeforeKill = 0;
        try (Catalog c = SqliteCatalog.open(db, true)) {
            Services s = new Services(c, new Actor("ana", "h"), Clock.systemUTC());
            s.importer().importMlflow(mlflow, null, MlflowReader.Progress.NONE);
            s.deployments().addTarget(MODEL, "live", null, false,
                    new TargetPointer(TargetPointer.Kind.MLFLOW_ALIAS, mlflow.toString(), MODEL, "champion"));
            while (midSwitch < 3 && attempts < 25) {
                attempts++;
                ChildJvm child = ChildJvm.start(dir.resolve("native"), AliasMoveWorker.class, db.toString(), MODEL,
                        "live", "1", "3");
                assertThat(child.awaitReady(60)).as("worker started").isTrue();
                Thread.sleep(100 + rnd.nextInt(300));
                boolean caught = false;
                try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + mlflow);
                     Statement st = lock.createStatement()) {
                    st.execute("BEGIN IMMEDIATE");
                    long until = System.currentTimeMillis() + 2000;
                    while (!caught && System.currentTimeMillis() < until) {
                        caught = !c.read(tx -> tx.events().pendingSwitches()).isEmpty();
                        if (!caught) {
                            Thread.sleep(20);
                        }
                    }
                    child.kill(); // while MLflow's lock is ours: a switch still pending now cannot be finished
                    st.execute("ROLLBACK");
                }
                // seen pending is not enough: a mover that had set the alias just before the lock was taken clears
                // its pending mark in the catalog alone, and may do so between the poll and the kill
                boolean left = caught && !c.read(tx -> tx.events().pendingSwitches()).isEmpty();
                if (caught && !left) {
                    finishedBeforeKill++;
                }
                if (left) {
                    midSwitch++;
                    VerifyService.Report seen = s.verifier().verify(false);
                    assertThat(seen.problems()).anyMatch(p -> p.contains("was interrupted"));
                }
                VerifyService.Report repaired = s.verifier().verify(true);
                assertThat(repaired.problems()).as("after attempt %d", attempts).isEmpty();
                assertThat(s.verifier().verify(false).problems()).isEmpty();
                String live = c.read(tx -> tx.targets().find(MODEL, "live")).orElseThrow().versionLabel();
                assertThat(String.valueOf(alias(mlflow))).as("the alias says what the catalog says").isEqualTo(live);
            }
        }
        System.out.printf("alias-crash-test attempts=%d killed-mid-switch=%d finished-before-the-kill=%d%n", attempts,
                midSwitch, finishedBeforeKill);
        assertThat(midSwitch).as("kills between the catalog's commit and the alias row").isGreaterThan(0);
    }

    private static int alias(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM registered_model_aliases WHERE alias = 'champion'")) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }
}

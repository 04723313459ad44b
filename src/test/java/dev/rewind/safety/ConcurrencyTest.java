package dev.rewind.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.support.CatalogBackend;
import dev.rewind.support.ChildJvm;
import dev.rewind.support.Fixture;
import dev.rewind.support.PgSandbox;
import dev.rewind.support.StressWorker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Rule 4 under load: four processes run tag/deploy/rollback commands against one catalog with a serving dir (100
 * each on SQLite; 500 each on PostgreSQL, the team backend that issue 17 puts under this load). No command may fail with a raw busy/locked error; every refusal is a clean compare-and-set or
 * rule refusal; the history holds exactly one event per successful command; rules 1–6 hold at the end. On SQLite
 * and on PostgreSQL (where no deadlock or serialization failure may reach a user either).
 */
@ExtendWith(PgSandbox.class)
class ConcurrencyTest {
    static final int PROCESSES = 4;
    static final int SQLITE_OPS = 100;
    static final int PG_OPS = 500;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void fourProcessesInterleaveCleanly(CatalogBackend backend) throws Exception {
        int opsEach = backend.toString().equals("SQLite") ? SQLITE_OPS : PG_OPS;
        try (Fixture f = Fixture.deployedThrice(dir, backend)) {
            long eventsBefore = f.catalog.read(tx -> tx.events().count());
            List<ChildJvm> children = new ArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                children.add(ChildJvm.start(dir.resolve("native"), StressWorker.class,
                        backend.address(dir), Integer.toString(p + 1), Integer.toString(opsEach), dir.resolve("pg-local")
                                .toString()));
            }
            int ok = 0;
            int conflicts = 0;
            int ruleRefusals = 0;
            List<String> unexpected = new ArrayList<>();
            for (ChildJvm c : children) {
                assertThat(c.waitFor(600)).isZero();
                List<String> ops = c.lines().stream().filter(l -> l.startsWith("op ")).toList();
                assertThat(ops).hasSize(opsEach);
                for (String line : ops) {
                    String[] parts = line.split(" ", 4);
                    int code = Integer.parseInt(parts[2]);
                    String err = parts.length > 3 ? parts[3] : "";
                    if (code == 0 && err.startsWith("unchanged")) {
                        ruleRefusals++;
                    } else if (code == 0) {
                        ok++;
                    } else if (code == 1 && err.contains("now serves")) {
                        conflicts++;
                    } else if (code == 1 && (err.contains("already serves") || err.contains("no earlier good version"))) {
                        ruleRefusals++;
                    } else {
                        unexpected.add(line);
                    }
                    assertThat(err.toLowerCase()).doesNotContain("busy", "locked", "sqlite_", "deadlock",
                            "could not serialize", "psql", "sqlstate");
                }
            }
            System.out.printf("concurrency ok=%d conflicts=%d rule-refusals=%d unexpected=%d%n", ok, conflicts,
                    ruleRefusals, unexpected.size());
            assertThat(unexpected).isEmpty();
            assertThat(ok).isGreaterThan(PROCESSES * opsEach / 3);
            long eventsAfter = f.catalog.read(tx -> tx.events().count());
            assertThat(eventsAfter - eventsBefore).as("one event per successful operation").isEqualTo(ok);
            assertThat(f.services.verifier().verify(false).problems()).isEmpty();
        }
    }
}

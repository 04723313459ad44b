package dev.rewind.ui.versions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.bench.Sqlite3Shell;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.service.Services;
import dev.rewind.ui.common.QueuedTaskExecutor;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.model.ModelViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Figures for issue 16: the Versions tab of the huge demo's 100,000-version model, through its view-model without a
 * window (the work a background task does; the FX thread only swaps the list). Opens {@code -Drewind.huge=FILE}
 * read-only (made by {@code rewind demo --scale huge}). Run with
 * {@code mvn -o -Pbench test -Dtest=VersionsBenchmark -Drewind.huge=FILE}; prints, never asserts on time.
 */
@Tag("benchmark")
class VersionsBenchmark {
    private static final String MODEL = "recsys-ranker-xl";
    private static final int ROUNDS = 3;

    @Test
    void versionsTabOfAHundredThousandVersions() {
        Path db = Path.of(System.getProperty("rewind.huge", "target/huge-demo.db"));
        assertThat(db).as("make it with: rewind --catalog FILE demo --scale huge").exists();
        try (SqliteCatalog c = SqliteCatalog.openReadOnly(db)) {
            Services s = new Services(c, new Actor("bench", "h"), Clock.systemUTC());
            double[] load = new double[ROUNDS];
            double[] picker = new double[ROUNDS];
            double[] sort = new double[ROUNDS];
            double[] filter = new double[ROUNDS];
            double[] filterRead = new double[ROUNDS];
            int rows = 0;
            int kept = 0;
            for (int i = 0; i < ROUNDS; i++) {
                QueuedTaskExecutor tasks = new QueuedTaskExecutor();
                ModelViewModel model = new ModelViewModel(tasks, new RecordingDialogs(), () -> s, Clock.systemUTC());
                VersionsViewModel vm = new VersionsViewModel(tasks, () -> s, model, ColumnChoices.inMemory());
                model.load(MODEL);
                tasks.runAll(); // the timeline (what the tab follows) and the History's events: not the tab's work
                long t0 = System.nanoTime();
                vm.setShown(true);
                tasks.runOldest(); // the rows, sorted: what the tab waits for
                load[i] = ms(t0);
                assertThat(vm.rows()).isNotEmpty();
                t0 = System.nanoTime();
                tasks.runAll(); // then the column picker's list of every metric
                picker[i] = ms(t0);
                rows = vm.rows().size();
                t0 = System.nanoTime();
                vm.sortBy(VersionColumn.metric("auc"), true);
                tasks.runAll();
                sort[i] = ms(t0);
                t0 = System.nanoTime();
                vm.filterTextProperty().set("stable and auc>0.9"); // a tag and a shown metric: no read
                tasks.runAll();
                filter[i] = ms(t0);
                kept = vm.rows().size();
                t0 = System.nanoTime();
                vm.filterTextProperty().set("recall>0.5"); // not a column: its values are read first
                tasks.runAll();
                filterRead[i] = ms(t0);
                assertThat(vm.pickedMetrics()).isNotEmpty().doesNotContain("recall");
            }
            assertThat(rows).as("versions of " + MODEL).isGreaterThan(10_000);
            System.out.printf("versions-tab %s: %,d rows, %,d kept by 'stable and auc>0.9' (load average %s)%n", MODEL,
                    rows, kept, Sqlite3Shell.load());
            phases(s);
            print("rows shown (3 metric columns, sorted newest first)", load);
            print("then the column picker's metric list", picker);
            print("sort by auc", sort);
            print("filter 'stable and auc>0.9'", filter);
            print("filter 'recall>0.5' (reads recall)", filterRead);
        }
    }

    /** What a load reads, each alone: the catalog's share of it. */
    private static void phases(Services s) {
        double[] keys = new double[ROUNDS];
        double[] table = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            java.util.List<String> metrics = s.registry().metricKeys(MODEL);
            keys[i] = ms(t0);
            t0 = System.nanoTime();
            s.registry().versionTable(MODEL, new java.util.LinkedHashSet<>(metrics.subList(0, 3)));
            table[i] = ms(t0);
        }
        print("read: metric keys", keys);
        print("read: rows with 3 metrics and every tag", table);
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void print(String what, double[] ms) {
        double[] a = ms.clone();
        Arrays.sort(a);
        System.out.printf("versions-tab-ms %s: first %.0f, median %.0f, min %.0f%n", what, ms[0], a[a.length / 2], a[0]);
    }
}

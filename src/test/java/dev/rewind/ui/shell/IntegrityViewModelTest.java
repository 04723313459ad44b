package dev.rewind.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.service.OpenMode;
import dev.rewind.service.Services;
import dev.rewind.support.Tamper;
import dev.rewind.ui.common.CurrentThreadTaskExecutor;
import dev.rewind.ui.common.ManualScheduler;
import dev.rewind.ui.common.QueuedTaskExecutor;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.common.TestCatalogs;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's background check of the history, and the banner state it drives. */
class IntegrityViewModelTest {
    @TempDir
    Path dir;
    final QueuedTaskExecutor tasks = new QueuedTaskExecutor();
    final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2030-01-02T03:04:05Z"));
    final MainViewModel vm = new MainViewModel(tasks, new RecordingDialogs(), scheduler, scheduler.clock(),
            TestCatalogs.opener(TestCatalogs.template()));

    @AfterEach
    void close() {
        vm.close();
    }

    private Path catalog(String name) {
        return TestCatalogs.copy(TestCatalogs.template(), dir.resolve(name));
    }

    @Test
    void anIntactCatalogShowsNoBannerAndTheCheckRunsInTheBackground() {
        vm.open(catalog("a.db"), OpenMode.EXISTING);
        tasks.runOldest(); // opening
        tasks.runOldest(); // the first model: shown before the check starts (start-up)
        assertThat(tasks.pending()).contains("Checking the history");
        assertThat(vm.integrity().failingProperty().get()).isFalse();
        tasks.runAll();
        assertThat(vm.integrity().failingProperty().get()).isFalse();
        assertThat(vm.integrity().problemProperty().get()).isNull();
    }

    @Test
    void aTamperedCatalogRaisesTheBannerNamingTheProblem() throws Exception {
        Path db = catalog("a.db");
        Tamper.withTriggersDropped(db, "UPDATE metrics SET value = 0.5 WHERE key = 'auc' AND version_id ="
                + " (SELECT id FROM versions WHERE label = '1.1')");
        vm.open(db, OpenMode.EXISTING);
        tasks.runAll();
        assertThat(vm.integrity().failingProperty().get()).isTrue();
        assertThat(vm.integrity().problemProperty().get()).startsWith("facts: version m 1.1 differs");
    }

    @Test
    void theResultOfACatalogNoLongerOpenIsDropped() throws Exception {
        Path bad = catalog("bad.db");
        Tamper.withTriggersDropped(bad, "DELETE FROM params");
        Tamper.withTriggersDropped(bad, "UPDATE versions SET author = 'mallory'");
        vm.open(bad, OpenMode.EXISTING);
        tasks.runOldest();
        vm.open(catalog("good.db"), OpenMode.EXISTING);
        tasks.runAll();
        assertThat(vm.integrity().failingProperty().get()).isFalse();
    }

    @Test
    void theCheckWaitsWhileTheWindowIsBusyThenFinishes() {
        Services s = TestCatalogs.open(catalog("busy.db"));
        try {
            int[] asked = {0};
            // busy for the first three questions (a model loading), then idle
            IntegrityViewModel check = new IntegrityViewModel(new CurrentThreadTaskExecutor(), () -> s,
                    () -> ++asked[0] <= 3);
            check.check();
            assertThat(asked[0]).as("asked until idle, then went on").isGreaterThanOrEqualTo(4);
            assertThat(check.problemProperty().get()).isNull();
            assertThat(check.failingProperty().get()).isFalse();
        } finally {
            TestCatalogs.close(s);
        }
    }
}

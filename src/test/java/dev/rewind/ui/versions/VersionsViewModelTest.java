package dev.rewind.ui.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.rewind.domain.MetricValue;
import dev.rewind.domain.VersionFilter;
import dev.rewind.service.RegisterRequest;
import dev.rewind.service.Services;
import dev.rewind.ui.common.CurrentThreadTaskExecutor;
import dev.rewind.ui.common.QueuedTaskExecutor;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.common.TaskExecutor;
import dev.rewind.ui.common.TestCatalogs;
import dev.rewind.ui.model.ModelViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Versions tab without a toolkit, over model m: 1.0 (auc 0.90, tagged stable and owner=ana), 1.1 (0.92, stable),
 * 2.0 (0.95, live on production) and 3.0 (no metric at all).
 */
class VersionsViewModelTest {
    @TempDir
    Path dir;
    Services services;
    final ColumnChoices choices = ColumnChoices.inMemory();
    ModelViewModel model;
    VersionsViewModel vm;

    @BeforeEach
    void catalog() throws Exception {
        services = TestCatalogs.open(TestCatalogs.copy(TestCatalogs.template(), dir.resolve("catalog.db")));
        services.registry().tag("m", "1.0", "stable", null, "test");
        services.registry().tag("m", "1.0", "owner", "ana", "test");
        services.registry().tag("m", "1.1", "stable", null, "test");
        Path art = Files.writeString(dir.resolve("w.bin"), "weights");
        services.registry().register(new RegisterRequest("m", "3.0", art, List.<MetricValue>of(), Map.of(), Map.of(),
                null, null, null, null));
    }

    @AfterEach
    void close() {
        TestCatalogs.close(services);
    }

    private void open(TaskExecutor tasks) {
        model = new ModelViewModel(tasks, new RecordingDialogs(), () -> services, Clock.systemUTC());
        vm = new VersionsViewModel(tasks, () -> services, model, choices);
        model.load("m");
    }

    private List<String> labels() {
        return vm.rows().stream().map(l -> l.version().label()).toList();
    }

    @Test
    void rowsAreReadOnlyWhileTheTabIsShownNewestFirstWithTheirTargets() {
        open(new CurrentThreadTaskExecutor());
        assertThat(vm.rows()).as("nothing read for a hidden tab").isEmpty();
        vm.setShown(true);
        assertThat(labels()).containsExactly("3.0", "2.0", "1.1", "1.0");
        assertThat(vm.metricKeys()).containsExactly("auc", "loss");
        assertThat(vm.pickedMetrics()).as("the first few metrics when none were chosen").containsExactly("auc", "loss");
        VersionLine v20 = vm.rows().get(1);
        assertThat(v20.liveOn()).containsExactly("production");
        assertThat(v20.metric("auc")).isEqualTo(0.95);
        assertThat(v20.version().author()).isEqualTo("tester");
        assertThat(vm.rows().get(3).tagsText()).isEqualTo("owner=ana, stable");
        assertThat(vm.emptyTextProperty().get()).isEmpty();
    }

    @Test
    void filtersWithTheCliGrammarOnTagsAndMetrics() {
        open(new CurrentThreadTaskExecutor());
        vm.setShown(true);
        vm.filterTextProperty().set("stable");
        assertThat(labels()).containsExactly("1.1", "1.0");
        vm.filterTextProperty().set("stable and auc>0.91");
        assertThat(labels()).containsExactly("1.1");
        vm.filterTextProperty().set("owner=ana");
        assertThat(labels()).containsExactly("1.0");
        vm.filterTextProperty().set("auc>2");
        assertThat(labels()).isEmpty();
        assertThat(vm.emptyTextProperty().get()).isEqualTo("No version matches 'auc>2'.");
        vm.filterTextProperty().set("");
        assertThat(labels()).hasSize(4);
    }

    @Test
    void aBadFilterSaysWhatTheCliSaysAndKeepsTheRows() {
        open(new CurrentThreadTaskExecutor());
        vm.setShown(true);
        vm.filterTextProperty().set("stable");
        vm.filterTextProperty().set("stable and auc>");
        String cli = catchThrowable(() -> VersionFilter.parse("--where", "stable and auc>")).getMessage();
        assertThat(vm.filterErrorProperty().get()).isEqualTo(cli).contains("position 16");
        assertThat(labels()).containsExactly("1.1", "1.0");
        vm.filterTextProperty().set("stable and auc>0.91");
        assertThat(vm.filterErrorProperty().get()).isEmpty();
        assertThat(labels()).containsExactly("1.1");
    }

    @Test
    void aFilterOnAMetricWithoutAColumnReadsItsValues() {
        choices.save("m", List.of("auc"));
        open(new CurrentThreadTaskExecutor());
        vm.setShown(true);
        assertThat(vm.pickedMetrics()).containsExactly("auc");
        assertThat(vm.rows().get(1).metric("loss")).as("only the columns' metrics are read").isNull();
        vm.filterTextProperty().set("loss<0.06");
        assertThat(labels()).containsExactly("2.0");
    }

    @Test
    void sortsNumericallyWithMissingValuesLastEitherWay() {
        open(new CurrentThreadTaskExecutor());
        vm.setShown(true);
        vm.sortBy(VersionColumn.metric("auc"), false);
        assertThat(labels()).containsExactly("1.0", "1.1", "2.0", "3.0");
        vm.sortBy(VersionColumn.metric("auc"), true);
        assertThat(labels()).containsExactly("2.0", "1.1", "1.0", "3.0");
        vm.sortBy(VersionColumn.SEQ, false);
        assertThat(labels()).containsExactly("1.0", "1.1", "2.0", "3.0");
        vm.sortBy(VersionColumn.LIVE, false);
        assertThat(labels()).first().isEqualTo("2.0");
        vm.sortBy(VersionColumn.TAGS, true);
        assertThat(labels()).containsExactly("1.1", "1.0", "2.0", "3.0");
        vm.filterTextProperty().set("stable");
        assertThat(labels()).as("the filter keeps the order").containsExactly("1.1", "1.0");
    }

    @Test
    void theColumnsChosenAreRememberedPerModel() {
        open(new CurrentThreadTaskExecutor());
        vm.setShown(true);
        vm.sortBy(VersionColumn.metric("loss"), true);
        vm.pick("loss", false);
        assertThat(vm.pickedMetrics()).containsExactly("auc");
        assertThat(vm.sortColumnProperty().get()).as("no sorting by a hidden column").isEqualTo(VersionColumn.SEQ);
        assertThat(choices.load("m")).contains(List.of("auc"));
        assertThat(choices.load("n")).isEmpty();

        open(new CurrentThreadTaskExecutor());
        vm.setShown(true);
        assertThat(vm.pickedMetrics()).containsExactly("auc");
        vm.pick("loss", true);
        assertThat(vm.pickedMetrics()).containsExactly("auc", "loss");
        assertThat(vm.rows().get(1).metric("loss")).as("a new column's values are read").isNotNull();
    }

    @Test
    void anotherModelsRowsGoAtOnceAndOneReadRunsAtATime() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        open(tasks);
        tasks.runAll();
        vm.setShown(true);
        vm.filterTextProperty().set("loss<0.06"); // needs another read while the first runs
        assertThat(tasks.pending()).as("one read at a time").hasSize(1);
        tasks.runAll();
        assertThat(labels()).containsExactly("2.0");
        model.load("n");
        assertThat(vm.rows()).as("m's rows are gone while n loads").isEmpty();
        assertThat(vm.metricKeys()).isEmpty();
        vm.filterTextProperty().set("");
        while (!tasks.pending().isEmpty() && !tasks.pending().contains("List the metrics of n")) {
            tasks.runOldest(); // n's timeline, then its rows with the first metrics of its newest version as columns
        }
        assertThat(labels()).containsExactly("7.0");
        assertThat(vm.pickedMetrics()).containsExactly("auc", "loss");
        assertThat(vm.metricKeys()).as("the picker's list comes after the rows").isEmpty();
        assertThat(tasks.pending()).contains("List the metrics of n");
        tasks.runAll();
        assertThat(vm.metricKeys()).containsExactly("auc", "loss");
    }
}

package dev.rewind.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.Comparison;
import dev.rewind.domain.MetricValue;
import dev.rewind.domain.Version;
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
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Compare tab's view-model without a window, over model m (1.0, 1.1, 2.0) with production serving 2.0. */
class CompareViewModelTest {
    @TempDir
    Path dir;
    Services services;
    final RecordingDialogs dialogs = new RecordingDialogs();
    ModelViewModel model;
    CompareViewModel vm;

    @BeforeEach
    void catalog() {
        services = TestCatalogs.open(TestCatalogs.copy(TestCatalogs.template(), dir.resolve("catalog.db")));
    }

    @AfterEach
    void close() {
        TestCatalogs.close(services);
    }

    private void open(TaskExecutor tasks) {
        model = new ModelViewModel(tasks, dialogs, () -> services, Clock.systemUTC());
        vm = new CompareViewModel(tasks, dialogs, model, () -> services);
        model.load("m");
    }

    private Version version(String label) {
        return model.timelineProperty().get().versions().stream().filter(v -> v.label().equals(label)).findFirst()
                .orElseThrow();
    }

    private static java.util.List<String> labels(java.util.List<Version> versions) {
        return versions.stream().map(Version::label).toList();
    }

    @Test
    void theVersionInFocusIsComparedWithWhatEachTargetServes() {
        open(new CurrentThreadTaskExecutor());
        assertThat(vm.compared()).isEmpty();
        assertThat(vm.captionProperty().get()).startsWith("Select versions on the timeline");
        model.currentProperty().set(version("1.1"));
        assertThat(labels(vm.compared())).containsExactly("1.1", "2.0");
        assertThat(vm.captionProperty().get()).startsWith("Comparing 1.1 with what production serve");
        assertThat(vm.baselineProperty().get()).isEqualTo("1.1");
        Comparison c = vm.comparisonProperty().get();
        assertThat(c.versions()).containsExactly("1.1", "2.0");
        assertThat(vm.metricKeys()).containsExactlyInAnyOrder("auc", "loss");
        assertThat(vm.chartMetricProperty().get()).as("a headline metric first").isEqualTo("auc");

        model.currentProperty().set(version("2.0"));
        assertThat(labels(vm.compared())).containsExactly("2.0");
        assertThat(vm.captionProperty().get()).startsWith("2.0 is what every target serves");
    }

    @Test
    void severalSelectedVersionsAreComparedAndTheChosenBaselineSurvivesAReload() {
        open(new CurrentThreadTaskExecutor());
        model.selection().setAll(version("1.0"), version("1.1"), version("2.0"));
        assertThat(vm.captionProperty().get()).isEqualTo("Comparing 3 selected versions");
        vm.baselineProperty().set("2.0");
        assertThat(vm.comparisonProperty().get().versions()).as("the baseline goes first").startsWith("2.0");

        model.reload(); // new Version objects with the same labels: the timeline keeps its selection by label
        model.selection().setAll(version("1.0"), version("1.1"), version("2.0"));
        assertThat(vm.baselineProperty().get()).isEqualTo("2.0");
        assertThat(vm.comparisonProperty().get().versions()).containsExactly("2.0", "1.0", "1.1");

        model.selection().setAll(version("1.0"), version("1.1"));
        assertThat(vm.baselineProperty().get()).as("other versions: the first is the baseline").isEqualTo("1.0");
    }

    @Test
    void theKeyFilterNarrowsTheRowsAndTheChartShowsTheChosenMetricsCurves() {
        open(new CurrentThreadTaskExecutor());
        model.currentProperty().set(version("1.1"));
        vm.filterProperty().set(" LO ");
        assertThat(vm.rows()).extracting(Comparison.Row::key).containsExactly("loss");
        vm.filterProperty().set("");
        assertThat(vm.rows()).hasSize(2);

        vm.chartMetricProperty().set("loss");
        assertThat(vm.curvesProperty().get()).containsOnlyKeys("1.1", "2.0");
        assertThat(vm.curvesProperty().get().get("2.0")).extracting(MetricValue::step).containsExactly(1L, 2L);
    }

    @Test
    void curvesOfAMetricChosenEarlierDoNotReplaceThoseOfTheOneChosenSince() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        open(tasks);
        tasks.runAll();
        model.currentProperty().set(version("1.1"));
        tasks.runAll();
        vm.chartMetricProperty().set("loss");
        vm.chartMetricProperty().set("auc");
        tasks.runNewest();
        assertThat(vm.curvesProperty().get().get("1.1")).as("auc has no curve").isEmpty();
        tasks.runOldest();
        assertThat(vm.curvesProperty().get().get("1.1")).isEmpty();
        assertThat(vm.chartMetricProperty().get()).isEqualTo("auc");
    }

    @Test
    void theParamsOfTheComparedVersionsAreReadThroughTheServicesAndDiffedAgainstTheBaseline() throws Exception {
        java.nio.file.Path art = Files.writeString(dir.resolve("p.bin"), "weights");
        for (String[] v : new String[][] {{"3.0", "0.05", "8"}, {"3.1", "0.0003", "8"}}) {
            services.registry().register(new dev.rewind.service.RegisterRequest("m", v[0], art,
                    java.util.List.of(MetricValue.summary("auc", 0.9)),
                    java.util.Map.of("learning_rate", v[1], "max_depth", v[2]), null, null, null, null));
        }
        open(new CurrentThreadTaskExecutor());
        assertThat(vm.paramsProperty().get().rows()).isEmpty();
        model.selection().setAll(version("3.0"), version("3.1"), version("1.0"));
        ParamsDiff d = vm.paramsProperty().get();
        assertThat(d.versions()).containsExactly("3.0", "3.1", "1.0");
        assertThat(d.rows()).extracting(ParamsDiff.Row::key).containsExactly("learning_rate", "max_depth");
        assertThat(d.rows().get(0).values()).containsExactly("0.05", "0.0003", null);
        assertThat(d.rows().get(1).changed(1)).isFalse();
        assertThat(d.rows().get(1).changed(2)).as("1.0 has no max_depth").isTrue();

        vm.baselineProperty().set("3.1");
        assertThat(vm.paramsProperty().get().versions()).as("the baseline goes first").startsWith("3.1");
        assertThat(vm.paramsProperty().get().rows().get(0).changed(1)).isTrue();

        model.selection().clear();
        model.currentProperty().set(null);
        assertThat(vm.paramsProperty().get().rows()).isEmpty();
    }

    @Test
    void exportWritesTheTableAsCsvOrShowsWhyItCouldNot() throws Exception {
        open(new CurrentThreadTaskExecutor());
        model.currentProperty().set(version("1.1"));
        dialogs.savePath = Optional.of(dir.resolve("out.csv"));
        vm.exportCsv();
        assertThat(Files.readString(dir.resolve("out.csv"))).contains("auc").contains("1.1").contains("2.0");
        assertThat(dialogs.notices).extracting(RecordingDialogs.Notice::message)
                .containsExactly("Saved the comparison to " + dir.resolve("out.csv"));

        vm.exportCsvTo(dir.resolve("missing/out.csv"));
        assertThat(dialogs.errors).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Could not export");
            assertThat(e.message()).contains("the folder does not exist");
        });
    }

    @Test
    void aFailedCurveLoadShowsTheError() {
        open(new CurrentThreadTaskExecutor());
        model.currentProperty().set(version("1.1"));
        TestCatalogs.close(services); // the catalog went away under the window
        vm.chartMetricProperty().set("loss");
        assertThat(dialogs.errors).singleElement().extracting(RecordingDialogs.Error::title)
                .isEqualTo("Could not load training curves");
    }
}

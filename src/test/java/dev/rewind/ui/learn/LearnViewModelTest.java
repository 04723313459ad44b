package dev.rewind.ui.learn;

import dev.rewind.service.OpenMode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.EventKind;
import dev.rewind.domain.ModelSummary;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.TargetState;
import dev.rewind.domain.Version;
import dev.rewind.service.LearnScenario;
import dev.rewind.service.LearnScenario.Check;
import dev.rewind.service.LearnScenarioLoader;
import dev.rewind.service.Services;
import dev.rewind.ui.common.CurrentThreadTaskExecutor;
import dev.rewind.ui.common.DialogService.TagRequest;
import dev.rewind.ui.common.ManualScheduler;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.common.TestCatalogs;
import dev.rewind.ui.compare.CompareViewModel;
import dev.rewind.ui.model.ModelTab;
import dev.rewind.ui.model.ModelViewModel;
import dev.rewind.ui.shell.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learn mode without a window: the story played on real sandbox catalogs through the main window's view-model,
 * each step's check judged on what the view-models show, and the monitor ticking only when the test advances time.
 */
class LearnViewModelTest {
    private static final LearnScenario SCENARIO = LearnScenarioLoader.shipped();

    @TempDir
    Path dir;
    Path mine;
    byte[] before;
    final RecordingDialogs dialogs = new RecordingDialogs();
    final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2030-01-02T03:04:05Z"));
    MainViewModel vm;
    LearnViewModel learn;
    ModelViewModel model;

    @BeforeEach
    void open() throws Exception {
        mine = TestCatalogs.copy(TestCatalogs.template(), dir.resolve("mine.db"));
        vm = new MainViewModel(new CurrentThreadTaskExecutor(), dialogs, scheduler, scheduler.clock(),
                TestCatalogs.opener(TestCatalogs.template()));
        vm.open(mine, OpenMode.EXISTING);
        before = Files.readAllBytes(mine);
        learn = vm.learn();
        model = vm.model();
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private Version version(String label) {
        return model.timelineProperty().get().versions().stream().filter(v -> v.label().equals(label)).findFirst()
                .orElseThrow();
    }

    private String live(String target) {
        return model.targets().stream().filter(t -> t.name().equals(target)).map(TargetState::liveVersion)
                .findFirst().orElse(null);
    }

    private void ticks(int n) {
        scheduler.advance(Duration.ofMillis(SCENARIO.monitor().tickMillis() * n));
    }

    /** Asserts the page is the step with {@code check}, not passed yet; does {@code act} and sees it pass. */
    private void step(Check check, Runnable act) {
        Page p = learn.pageProperty().get();
        assertThat(p.kind()).isEqualTo(Page.Kind.STEP);
        assertThat(p.step().check()).isEqualTo(check);
        assertThat(learn.passedProperty().get()).as(check + " before acting").isFalse();
        assertThat(learn.canNextProperty().get()).isFalse();
        act.run();
        assertThat(learn.passedProperty().get()).as(check + " after acting").isTrue();
        assertThat(learn.canNextProperty().get()).isTrue();
    }

    /** Plays the seven steps of the first run, stopping once the last has passed. */
    private void playTheFirstRun() {
        step(Check.VISIT_VERSIONS, () -> {
            model.currentProperty().set(version("1.0.0"));
            model.currentProperty().set(version("1.1.0"));
            assertThat(learn.passedProperty().get()).as("2.0.0 not visited yet").isFalse();
            model.currentProperty().set(version("2.0.0"));
        });
        learn.next();
        step(Check.MONITOR_ALERT, () -> ticks(12));
        learn.next();
        step(Check.COMPARE, () -> {
            model.selection().setAll(version("1.1.0"), version("2.0.0"));
            assertThat(learn.passedProperty().get()).as("the Compare tab is not open").isFalse();
            learn.tabProperty().set(ModelTab.COMPARE);
        });
        learn.next();
        step(Check.ROLLBACK, () -> {
            dialogs.moveReason = Optional.of("error rate climbing since 2.0.0");
            model.requestMove("production", version("1.1.0"));
            assertThat(live("production")).isEqualTo("1.1.0");
        });
        learn.next();
        step(Check.MONITOR_RECOVERS, () -> ticks(8));
        learn.next();
        step(Check.TAG_FAILED, () -> {
            dialogs.tag = Optional.of(new TagRequest("failed", null, "error rate doubled"));
            model.requestTag(version("2.0.0"));
        });
        learn.next();
        step(Check.READ_HISTORY, () -> learn.tabProperty().set(ModelTab.HISTORY));
    }

    @Test
    void theMonitorTicksOnlyWhenTimePassesAndFollowsWhatTheTargetServes() {
        learn.start();
        MonitorModel monitor = learn.monitor();
        assertThat(monitor.runningProperty().get()).as("from the step that introduces it").isFalse();
        int timers = scheduler.running();
        model.currentProperty().set(version("1.0.0"));
        model.currentProperty().set(version("1.1.0"));
        model.currentProperty().set(version("2.0.0"));
        learn.next();
        assertThat(monitor.runningProperty().get()).isTrue();
        assertThat(scheduler.running()).isEqualTo(timers + 1);
        assertThat(monitor.samples()).isEmpty();
        ticks(1);
        assertThat(monitor.samples()).singleElement().satisfies(s -> {
            assertThat(s.version()).isEqualTo("2.0.0");
            assertThat(s.value()).isEqualTo(SCENARIO.monitor().series().get("2.0.0").get(0));
        });
        assertThat(monitor.captionProperty().get()).contains("production serves 2.0.0");
        ticks(6);
        assertThat(monitor.alerted()).as("seven samples, all under the line").isFalse();
        ticks(1);
        assertThat(monitor.alertProperty().get()).isTrue();

        dialogs.moveReason = Optional.of("roll back");
        model.requestMove("production", version("1.1.0"));
        assertThat(monitor.servingProperty().get()).isEqualTo("1.1.0");
        ticks(1);
        assertThat(monitor.samples().get(monitor.samples().size() - 1)).satisfies(s -> {
            assertThat(s.version()).isEqualTo("1.1.0");
            assertThat(s.value()).as("its series from the start").isEqualTo(SCENARIO.monitor().series().get("1.1.0").get(0));
        });
        ticks(SCENARIO.monitor().window() + 10);
        assertThat(monitor.samples()).hasSize(SCENARIO.monitor().window());

        learn.exit();
        assertThat(monitor.runningProperty().get()).isFalse();
        assertThat(scheduler.running()).isEqualTo(timers);
        int kept = monitor.samples().size();
        ticks(5);
        assertThat(monitor.samples()).hasSize(kept);
    }

    @Test
    void eachStepPassesOnlyOnceItIsDoneThenTheQuizIsScoredAndLeavingRestoresMyCatalog() throws Exception {
        learn.start();
        assertThat(learn.activeProperty().get()).isTrue();
        assertThat(learn.busyProperty().get()).isEmpty();
        String firstSandbox = vm.catalogPathProperty().get();
        assertThat(firstSandbox).startsWith("Learn sandbox (temporary): ");
        assertThat(vm.models()).extracting(ModelSummary::name).containsExactly(SCENARIO.model());
        assertThat(live("production")).isEqualTo("2.0.0");
        assertThat(learn.canBackProperty().get()).isFalse();

        playTheFirstRun();
        assertThat(learn.canBackProperty().get()).isTrue();
        assertThat(model.events()).filteredOn(e -> e.kind() == EventKind.ROLLBACK).hasSize(1);
        assertThat(dialogs.errors).isEmpty();
        learn.next();

        assertThat(vm.catalogPathProperty().get()).as("a second sandbox").isNotEqualTo(firstSandbox);
        assertThat(learn.pageProperty().get().run()).isEqualTo(Page.Run.CONTRAST);
        assertThat(learn.canBackProperty().get()).as("the first run's sandbox is closed").isFalse();
        step(Check.MONITOR_ALERT, () -> ticks(12));
        learn.next();
        step(Check.ROLLBACK_REFUSED, () -> {
            dialogs.moveReason = Optional.of("try to go back");
            model.requestMove("production", version("1.1.0"));
            assertThat(dialogs.previews.get(dialogs.previews.size() - 1).blocker()).contains("was altered");
            assertThat(live("production")).isEqualTo("2.0.0");
        });
        learn.next();

        for (int q = 0; q < SCENARIO.quiz().size(); q++) {
            assertThat(learn.pageProperty().get().kind()).isEqualTo(Page.Kind.QUESTION);
            assertThat(learn.canNextProperty().get()).isFalse();
            LearnScenario.Question question = SCENARIO.quiz().get(q);
            learn.quiz().answer(q == 0 ? (question.answer() + 1) % question.options().size() : question.answer());
            assertThat(learn.passedProperty().get()).isTrue();
            learn.next();
        }
        assertThat(learn.pageProperty().get().kind()).isEqualTo(Page.Kind.SCORE);
        assertThat(learn.quiz().scoreProperty().get()).isEqualTo(SCENARIO.quiz().size() - 1);

        learn.exit();
        assertThat(learn.activeProperty().get()).isFalse();
        assertThat(vm.catalogPathProperty().get()).isEqualTo(mine.toString());
        assertThat(vm.models()).extracting(ModelSummary::name).containsExactly("m", "n", "o");
        assertThat(Files.exists(Path.of(firstSandbox.substring("Learn sandbox (temporary): ".length()))))
                .as("sandboxes deleted").isFalse();
        assertThat(Files.readAllBytes(mine)).as("my catalog, byte for byte").isEqualTo(before);
    }

    @Test
    void openingAnotherCatalogEndsLearnMode() {
        learn.start();
        vm.open(mine, OpenMode.EXISTING);
        assertThat(learn.activeProperty().get()).isFalse();
        assertThat(learn.monitor().runningProperty().get()).isFalse();
        assertThat(vm.catalogPathProperty().get()).isEqualTo(mine.toString());
    }

    @Test
    void aScenarioThatCannotBeLoadedShowsWhyAndLearnModeDoesNotStart() {
        ReadOnlyBooleanWrapper sandbox = new ReadOnlyBooleanWrapper(false);
        SandboxHost host = new SandboxHost() {
            @Override
            public void openSandbox(Path db, Consumer<Services> fill, Runnable onOpen, Consumer<Throwable> onFail) {
                throw new AssertionError("no sandbox without a scenario");
            }

            @Override
            public void leaveSandbox() {
            }

            @Override
            public ReadOnlyBooleanProperty sandboxProperty() {
                return sandbox.getReadOnlyProperty();
            }
        };
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        ModelViewModel m = new ModelViewModel(tasks, dialogs, () -> null, Clock.systemUTC());
        LearnViewModel broken = new LearnViewModel(tasks, dialogs, scheduler, host, m,
                new CompareViewModel(tasks, dialogs, m, () -> null), () -> {
                    throw RewindException.badInput("scenario.json: steps[2].check: unknown check 'dance'");
                });
        broken.start();
        assertThat(broken.activeProperty().get()).isFalse();
        assertThat(dialogs.errors).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Could not start Learn mode");
            assertThat(e.message()).isEqualTo("scenario.json: steps[2].check: unknown check 'dance'");
        });
    }
}

package dev.rewind.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.Version;
import dev.rewind.service.Services;
import dev.rewind.ui.common.QueuedTaskExecutor;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.common.TestCatalogs;
import dev.rewind.ui.timeline.TimelineData;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a model loads, the window shows its name, a spinner and nothing of the model before; once loaded, it opens
 * on what the first protected target serves. Tasks are held in a queue, so the in-between state can be looked at.
 */
class LoadingStateViewModelTest {
    @TempDir
    Path dir;
    Services services;
    final QueuedTaskExecutor tasks = new QueuedTaskExecutor();
    ModelViewModel vm;

    @BeforeEach
    void catalog() {
        services = TestCatalogs.open(TestCatalogs.copy(TestCatalogs.template(), dir.resolve("c.db")));
        vm = new ModelViewModel(tasks, new RecordingDialogs(), () -> services, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        TestCatalogs.close(services);
    }

    private void loaded(String model) {
        vm.load(model);
        tasks.runAll();
    }

    @Test
    void whileAnotherModelLoadsNothingOfThePreviousOneShowsUnderItsName() {
        loaded("m");
        vm.currentProperty().set(vm.timelineProperty().get().versions().get(0));
        assertThat(vm.targets()).isNotEmpty();
        assertThat(vm.events()).isNotEmpty();

        vm.load("n");
        assertThat(vm.modelProperty().get()).isEqualTo("n");
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.timelineProperty().get()).isSameAs(TimelineData.EMPTY);
        assertThat(vm.targets()).isEmpty();
        assertThat(vm.events()).isEmpty();
        assertThat(vm.currentProperty().get()).isNull();
        assertThat(vm.selection()).isEmpty();
        assertThat(vm.initialVersion()).isNull();

        tasks.runAll();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.timelineProperty().get().versions()).extracting(Version::model).containsOnly("n");
    }

    @Test
    void theNextModelsReadIsUnderWayBeforeThePreviousOneIsCleared() {
        loaded("m");
        java.util.List<java.util.List<String>> pendingWhenCleared = new java.util.ArrayList<>();
        vm.timelineProperty().addListener((o, was, d) -> {
            if (d == TimelineData.EMPTY) {
                pendingWhenCleared.add(tasks.pending());
            }
        });
        vm.load("n");
        assertThat(pendingWhenCleared).containsExactly(java.util.List.of("Load n"));
        tasks.runAll();
        assertThat(vm.timelineProperty().get().versions()).extracting(Version::model).containsOnly("n");
    }

    @Test
    void aReadThatComesBackAtOnceIsShownAfterTheClearingNotWipedByIt() {
        // an executor that runs each task in place: its result arrives while load() is still clearing
        ModelViewModel inPlace = new ModelViewModel(new dev.rewind.ui.common.CurrentThreadTaskExecutor(),
                new RecordingDialogs(), () -> services, Clock.systemUTC());
        inPlace.load("m");
        inPlace.load("n");
        assertThat(inPlace.timelineProperty().get().versions()).extracting(Version::model).containsOnly("n");
        assertThat(inPlace.initialVersion().model()).isEqualTo("n");
        assertThat(inPlace.loadingProperty().get()).isFalse();
        assertThat(inPlace.loadsProperty().get()).isEqualTo(2);

        RecordingDialogs dialogs = new RecordingDialogs();
        ModelViewModel failing = new ModelViewModel(new dev.rewind.ui.common.CurrentThreadTaskExecutor(), dialogs,
                () -> services, Clock.systemUTC());
        failing.load("no-such-model");
        assertThat(failing.loadingProperty().get()).as("the failure is not overwritten by the load's start")
                .isFalse();
        assertThat(failing.readingProperty().get()).isFalse();
        assertThat(dialogs.errors).extracting(RecordingDialogs.Error::title)
                .containsExactly("Could not load no-such-model");
    }

    @Test
    void withNoCatalogOpenThereIsNothingToReadAndNothingFails() {
        RecordingDialogs dialogs = new RecordingDialogs();
        ModelViewModel none = new ModelViewModel(tasks, dialogs, () -> null, Clock.systemUTC());
        none.load("m");
        assertThat(tasks.pending()).isEmpty();
        assertThat(none.modelProperty().get()).isNull();
        assertThat(none.loadingProperty().get()).isFalse();
        assertThat(none.readingProperty().get()).isFalse();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aReadThatOutlivesItsCatalogReadsTheCatalogItWasAskedOf() {
        java.util.concurrent.atomic.AtomicReference<Services> open = new java.util.concurrent.atomic.AtomicReference<>(
                services);
        RecordingDialogs dialogs = new RecordingDialogs();
        ModelViewModel switching = new ModelViewModel(tasks, dialogs, open::get, Clock.systemUTC());
        java.util.List<Runnable> laidOut = new java.util.ArrayList<>();
        switching.setAfterShown(laidOut::add);
        switching.load("m");
        Services other = TestCatalogs.open(TestCatalogs.copy(TestCatalogs.template(), dir.resolve("other.db")));
        try {
            other.registry().tag("m", "1.0", "failed", null, "only in the other catalog");
            open.set(other); // another catalog opens while m's read is still to run
            tasks.runAll();
            laidOut.forEach(Runnable::run);
            tasks.runAll();
            assertThat(switching.timelineProperty().get().versions()).filteredOn(Version::failed).as("read from the"
                    + " catalog open when it was asked for").isEmpty();
            assertThat(switching.events()).noneMatch(e -> "only in the other catalog".equals(e.reason()));
            assertThat(dialogs.errors).isEmpty();
        } finally {
            TestCatalogs.close(other);
        }
    }

    @Test
    void aModelReadAheadOfTheWindowIsShownAtOnceWithoutAReadOfItsOwn() {
        EarlyModelRead ahead = EarlyModelRead.of(services, "m");
        ahead.run(Clock.systemUTC(), Runnable::run);
        vm.offer(ahead);
        vm.load("m");
        assertThat(tasks.pending()).as("no read of m queued: only its History, once it is shown")
                .noneMatch(t -> t.startsWith("Load "));
        assertThat(vm.timelineProperty().get().versions()).extracting(Version::model).containsOnly("m").isNotEmpty();
        assertThat(vm.loadsProperty().get()).isEqualTo(1);
        assertThat(vm.initialVersion().label()).isEqualTo("2.0");
        assertThat(vm.targets()).isNotEmpty();
        tasks.runAll();
        assertThat(vm.events()).as("its History is read as for any load").isNotEmpty();
        assertThat(vm.readingProperty().get()).isFalse();

        vm.load("n");
        vm.load("m");
        assertThat(tasks.pending()).as("given once: the next load of m reads it").contains("Load m");
    }

    @Test
    void aReadAheadOfAnotherModelOrCatalogIsIgnoredAndOneStillRunningIsWaitedFor() {
        EarlyModelRead other = EarlyModelRead.of(services, "n");
        other.run(Clock.systemUTC(), Runnable::run);
        vm.offer(other);
        loaded("m");
        assertThat(vm.timelineProperty().get().versions()).extracting(Version::model).containsOnly("m");
        vm.load("n");
        assertThat(tasks.pending()).as("offered to the load after it only").contains("Load n");
        tasks.runAll();

        Services elsewhere = TestCatalogs.open(TestCatalogs.copy(TestCatalogs.template(), dir.resolve("d.db")));
        try {
            EarlyModelRead otherCatalog = EarlyModelRead.of(elsewhere, "m");
            otherCatalog.run(Clock.systemUTC(), Runnable::run);
            vm.offer(otherCatalog);
            vm.load("m");
            assertThat(tasks.pending()).as("read in the catalog open now").contains("Load m");
            tasks.runAll();
        } finally {
            TestCatalogs.close(elsewhere);
        }

        EarlyModelRead running = EarlyModelRead.of(services, "n");
        vm.offer(running);
        vm.load("n");
        assertThat(vm.loadingProperty().get()).as("not read yet: the load waits for it").isTrue();
        running.run(Clock.systemUTC(), Runnable::run);
        tasks.runOldest();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.timelineProperty().get().versions()).extracting(Version::model).containsOnly("n");
    }

    @Test
    void aReadAheadThatFailedIsReadAgainAndOnlyThatReadsFailureIsReported() throws Exception {
        RecordingDialogs dialogs = new RecordingDialogs();
        vm = new ModelViewModel(tasks, dialogs, () -> services, Clock.systemUTC());
        EarlyModelRead failed = EarlyModelRead.of(services, "late");
        failed.run(Clock.systemUTC(), Runnable::run); // no such model yet: the read fails
        java.nio.file.Path art = java.nio.file.Files.writeString(dir.resolve("late.bin"), "weights");
        services.registry().register(new dev.rewind.service.RegisterRequest("late", "1.0", art, java.util.List.of(),
                java.util.Map.of(), java.util.Map.of(), null, null, null, null));
        vm.offer(failed);
        vm.load("late");
        assertThat(tasks.pending()).as("read again, not taken as it was").contains("Load late");
        tasks.runAll();
        assertThat(dialogs.errors).as("the failure ahead of the window is not the person's").isEmpty();
        assertThat(vm.timelineProperty().get().versions()).extracting(Version::label).containsExactly("1.0");

        EarlyModelRead missing = EarlyModelRead.of(services, "no-such-model");
        missing.run(Clock.systemUTC(), Runnable::run);
        vm.offer(missing);
        vm.load("no-such-model");
        tasks.runAll();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(dialogs.errors).singleElement().extracting(RecordingDialogs.Error::title)
                .isEqualTo("Could not load no-such-model");
    }

    @Test
    void reloadingTheSameModelKeepsItsContentWhileItReads() {
        loaded("m");
        TimelineData before = vm.timelineProperty().get();
        vm.reload();
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.timelineProperty().get()).isSameAs(before);
        assertThat(vm.targets()).isNotEmpty();
    }

    @Test
    void aModelOpensOnWhatItsFirstProtectedTargetServesElseTheNewest() {
        loaded("m");
        assertThat(vm.initialVersion().label()).as("no protected target: the newest").isEqualTo("2.0");

        services.deployments().deploy(MoveRequest.of("m", "staging", "1.0").because("shadow"));
        services.targetRules().protect("m", "staging", true, "shadow traffic is real traffic");
        vm.load("n");
        loaded("m");
        assertThat(vm.initialVersion().label()).as("staging is the first protected target").isEqualTo("1.0");

        services.targetRules().protect("m", "production", true, "customers");
        vm.load("n");
        loaded("m");
        assertThat(vm.initialVersion().label()).as("production comes first").isEqualTo("2.0");
        services.deployments().rollback(MoveRequest.of("m", "production", "1.1").expecting(Optional.of("2.0"))
                .because("worse live"));
        vm.load("o");
        loaded("m");
        assertThat(vm.initialVersion().label()).isEqualTo("1.1");
    }

    @Test
    void aSlowLoadOfTheModelBeforeNeverLandsUnderTheNewName() {
        vm.load("m");
        vm.load("n");
        tasks.runNewest();
        tasks.runAll(); // m's load comes back last
        assertThat(vm.modelProperty().get()).isEqualTo("n");
        assertThat(vm.timelineProperty().get().versions()).extracting(Version::model).containsOnly("n");
        assertThat(vm.initialVersion().model()).isEqualTo("n");
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void theVersionInFocusIsReadInFullOnDemand() {
        loaded("m");
        Version light = vm.timelineProperty().get().versions().get(1);
        assertThat(light.metrics()).as("the timeline holds light rows").isEmpty();
        vm.currentProperty().set(light);
        assertThat(vm.detailsProperty().get()).isNull();
        tasks.runAll();
        assertThat(vm.detailsProperty().get().label()).isEqualTo("1.1");
        assertThat(vm.detailsProperty().get().metrics()).containsKeys("auc", "loss");
    }

    @Test
    void aModelsHistoryIsReadOnlyOnceItsTimelineHasBeenLaidOut() {
        java.util.List<Runnable> laidOut = new java.util.ArrayList<>();
        vm.setAfterShown(laidOut::add);
        vm.load("m");
        tasks.runAll();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.timelineProperty().get().versions()).isNotEmpty();
        assertThat(vm.events()).as("not read before the layout pass").isEmpty();
        assertThat(vm.readingProperty().get()).as("the history is still to be read").isTrue();
        assertThat(tasks.pending()).isEmpty();

        laidOut.remove(0).run();
        assertThat(vm.readingProperty().get()).isTrue();
        tasks.runAll();
        assertThat(vm.events()).isNotEmpty();
        assertThat(vm.readingProperty().get()).isFalse();
    }

    /**
     * Opens {@code model} as the window does (the version to open on comes into focus as the timeline arrives); the
     * work that waits for the timeline's layout pass is returned, not run.
     */
    private java.util.List<Runnable> openedAsInTheWindow(String model) {
        java.util.List<Runnable> laidOut = new java.util.ArrayList<>();
        vm.setAfterShown(laidOut::add);
        vm.timelineProperty().addListener((o, was, d) -> {
            if (vm.currentProperty().get() == null && vm.initialVersion() != null) {
                vm.currentProperty().set(vm.initialVersion());
            }
        });
        vm.load(model);
        tasks.runAll();
        return laidOut;
    }

    @Test
    void theVersionAModelOpensOnHasItsDetailsReadOnceItsTimelineIsLaidOut() {
        java.util.List<Runnable> laidOut = openedAsInTheWindow("m");
        assertThat(vm.currentProperty().get().label()).isEqualTo("2.0");
        assertThat(vm.detailsProperty().get()).as("not read before the layout pass").isNull();
        assertThat(tasks.pending()).isEmpty();
        assertThat(laidOut).as("its details, then its History").hasSize(2);

        laidOut.remove(0).run();
        assertThat(tasks.pending()).containsExactly("Read 2.0");
        tasks.runAll();
        assertThat(vm.detailsProperty().get().label()).isEqualTo("2.0");
        assertThat(vm.detailsProperty().get().metrics()).isNotEmpty();

        // a version a person picks afterwards is read at once
        vm.currentProperty().set(vm.timelineProperty().get().versions().get(1));
        assertThat(tasks.pending()).containsExactly("Read 1.1");
        laidOut.remove(0).run();
        tasks.runAll();
        assertThat(vm.detailsProperty().get().label()).isEqualTo("1.1");
        assertThat(vm.events()).isNotEmpty();
    }

    @Test
    void detailsAskedForBeforeTheLayoutPassAreNotReadForAVersionNoLongerInFocus() {
        java.util.List<Runnable> laidOut = openedAsInTheWindow("m");
        vm.currentProperty().set(vm.timelineProperty().get().versions().get(0)); // the person clicked 1.0 at once
        tasks.runAll();
        assertThat(vm.detailsProperty().get().label()).isEqualTo("1.0");
        laidOut.remove(0).run(); // 2.0's read, asked for first: dropped
        assertThat(tasks.pending()).isEmpty();
        assertThat(vm.detailsProperty().get().label()).isEqualTo("1.0");
    }

    @Test
    void aHistoryForAModelNoLongerShownIsNotRead() {
        java.util.List<Runnable> laidOut = new java.util.ArrayList<>();
        vm.setAfterShown(laidOut::add);
        vm.load("m");
        tasks.runAll();
        vm.load("n");
        laidOut.remove(0).run(); // m's layout pass comes after n was asked for
        assertThat(tasks.pending()).as("n's load only, not m's history").containsExactly("Load n");
        tasks.runAll();
        laidOut.remove(0).run();
        tasks.runAll();
        assertThat(vm.events()).extracting(dev.rewind.domain.Event::model).containsOnly("n");
        assertThat(vm.readingProperty().get()).isFalse();
    }

    @Test
    void aReloadShowsWhatChangedOnTheTimelineAtOnceAndIsDoneOnlyWithItsHistory() {
        loaded("m");
        java.util.List<Runnable> laidOut = new java.util.ArrayList<>();
        vm.setAfterShown(laidOut::add);
        int loadsBefore = vm.loadsProperty().get();
        int eventsBefore = vm.events().size();
        services.deployments().deploy(MoveRequest.of("m", "staging", "1.0").because("shadow"));

        vm.reload();
        tasks.runAll();
        assertThat(vm.timelineProperty().get().lanes()).filteredOn(l -> l.target().equals("staging"))
                .extracting(dev.rewind.domain.Lane::liveVersion).containsExactly("1.0");
        assertThat(vm.targets()).filteredOn(t -> t.name().equals("staging"))
                .extracting(dev.rewind.domain.TargetState::liveVersion).containsExactly("1.0");
        assertThat(vm.loadingProperty().get()).as("still reading its history").isTrue();
        assertThat(vm.loadsProperty().get()).isEqualTo(loadsBefore);
        assertThat(vm.events()).hasSize(eventsBefore);

        laidOut.remove(0).run();
        tasks.runAll();
        assertThat(vm.events()).hasSize(eventsBefore + 1);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.readingProperty().get()).isFalse();
        assertThat(vm.loadsProperty().get()).isEqualTo(loadsBefore + 1);
    }
}

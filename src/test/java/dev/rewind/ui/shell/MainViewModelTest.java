package dev.rewind.ui.shell;

import dev.rewind.domain.MoveRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.ModelSummary;
import dev.rewind.ui.common.CurrentThreadTaskExecutor;
import dev.rewind.ui.common.Formats;
import dev.rewind.ui.common.ManualScheduler;
import dev.rewind.ui.common.QueuedTaskExecutor;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.common.TaskExecutor;
import dev.rewind.ui.common.TestCatalogs;
import dev.rewind.service.CatalogSessions;
import dev.rewind.service.OpenMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's state without a window: opening catalogs, the model list, and the live refresh. */
class MainViewModelTest {
    private static final Instant START = Instant.parse("2030-01-02T03:04:05Z");

    @TempDir
    Path dir;
    final RecordingDialogs dialogs = new RecordingDialogs();
    final ManualScheduler scheduler = new ManualScheduler(START);
    MainViewModel vm;

    private MainViewModel vm(TaskExecutor tasks) {
        vm = new MainViewModel(tasks, dialogs, scheduler, scheduler.clock(), TestCatalogs.opener(TestCatalogs.template()));
        return vm;
    }

    private Path catalog(String name) {
        return TestCatalogs.copy(TestCatalogs.template(), dir.resolve(name));
    }

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    private static ModelSummary named(MainViewModel vm, String name) {
        return vm.models().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void openingACatalogListsItsModelsAndShowsTheFirst() {
        vm(new CurrentThreadTaskExecutor());
        assertThat(vm.statusProperty().get()).isEqualTo("Opening catalog…");
        assertThat(vm.loadingProperty().get()).isTrue();
        Path db = catalog("a.db");
        vm.open(db, OpenMode.EXISTING);
        assertThat(vm.models()).extracting(ModelSummary::name).containsExactly("m", "n", "o");
        assertThat(vm.statusProperty().get()).isEqualTo("3 models");
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.selectedModelProperty().get().name()).isEqualTo("m");
        assertThat(vm.model().modelProperty().get()).isEqualTo("m");
        assertThat(vm.model().timelineProperty().get().versions()).hasSize(3);
        assertThat(vm.catalogPathProperty().get()).isEqualTo(db.toString());
        assertThat(vm.recent()).containsExactly(db.toString());
        assertThat(vm.lastChangeProperty().get()).isEqualTo("Opened " + Formats.time(START));
        assertThat(vm.learn().offerProperty().get()).as("not a first start").isFalse();

        Path other = catalog("b.db");
        vm.open(other, OpenMode.EXISTING);
        vm.open(db, OpenMode.EXISTING);
        assertThat(vm.recent()).containsExactly(db.toString(), other.toString());
    }

    @Test
    void theFilterNarrowsTheListAndARefreshKeepsTheSelectedModel() {
        vm(new CurrentThreadTaskExecutor());
        Path db = catalog("a.db");
        vm.open(db, OpenMode.EXISTING);
        vm.filterProperty().set("  N ");
        assertThat(vm.models()).extracting(ModelSummary::name).containsExactly("n");
        vm.filterProperty().set("");
        vm.selectedModelProperty().set(named(vm, "o"));
        assertThat(vm.model().modelProperty().get()).isEqualTo("o");
        int loads = vm.model().loadsProperty().get();

        TestCatalogs.changeElsewhere(db, s -> s.registry().tag("o", "0.1", "reviewed", null, "by someone else"));
        vm.refresh();
        assertThat(vm.selectedModelProperty().get().name()).isEqualTo("o");
        assertThat(vm.model().loadsProperty().get()).as("the selected model reloaded").isEqualTo(loads + 1);
        assertThat(vm.model().timelineProperty().get().versions().get(0).tags()).containsKey("reviewed");
        vm.filterProperty().set("REVIEWED");
        assertThat(vm.models()).as("a version's tag finds its model").extracting(ModelSummary::name)
                .containsExactly("o");
    }

    @Test
    void aNewerOpenWinsOverAnOlderOneThatFinishesLater() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        vm(tasks);
        Path a = catalog("a.db");
        Path b = catalog("b.db");
        vm.open(a, OpenMode.EXISTING);
        vm.open(b, OpenMode.EXISTING);
        assertThat(vm.statusProperty().get()).isEqualTo("Opening " + b + "…");
        tasks.runNewest();
        tasks.runAll(); // the open of a comes back last: it is closed again, unseen
        assertThat(vm.catalogPathProperty().get()).isEqualTo(b.toString());
        assertThat(vm.recent()).containsExactly(b.toString());
        assertThat(vm.models()).hasSize(3);
    }

    @Test
    void aCatalogThatCannotBeOpenedShowsWhyAndTheOpenOneStays() {
        vm(new CurrentThreadTaskExecutor());
        Path db = catalog("a.db");
        vm.open(db, OpenMode.EXISTING);
        String[] shown = new String[1];
        vm.errorProperty().addListener((o, was, now) -> shown[0] = now);
        Path missing = dir.resolve("missing.db");
        vm.open(missing, OpenMode.EXISTING);
        assertThat(shown[0]).startsWith("no catalog at " + missing);
        assertThat(vm.statusProperty().get()).startsWith("no catalog at " + missing);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.catalogPathProperty().get()).isEqualTo(db.toString());

        shown[0] = null;
        vm.open(missing, OpenMode.EXISTING);
        assertThat(shown[0]).as("the same error again is shown again").isNotNull();
    }

    @Test
    void aFirstStartOpensTheDemoAndOffersTheTour() {
        vm(new CurrentThreadTaskExecutor());
        vm.open(dir.resolve("new.db"), OpenMode.DEMO_IF_MISSING);
        assertThat(vm.models()).hasSize(3);
        assertThat(vm.learn().offerProperty().get()).isTrue();
    }

    @Test
    void aChangeByAnotherProcessIsSeenWithinASecondAndReloads() {
        vm(new CurrentThreadTaskExecutor());
        Path db = catalog("a.db");
        vm.open(db, OpenMode.EXISTING);
        assertThat(scheduler.running()).as("the watcher").isEqualTo(1);
        scheduler.advance(Duration.ofSeconds(3));
        assertThat(vm.lastChangeProperty().get()).as("nothing changed").isEqualTo("Opened " + Formats.time(START));

        TestCatalogs.changeElsewhere(db, s -> s.deployments().deploy(MoveRequest.of("m", "staging", "1.1").because("from a terminal")));
        scheduler.advance(Duration.ofMillis(999));
        assertThat(vm.lastChangeProperty().get()).startsWith("Opened");
        scheduler.advance(Duration.ofMillis(1));
        assertThat(vm.lastChangeProperty().get()).isEqualTo("Change seen " + Formats.time(START.plusSeconds(4)));
        assertThat(named(vm, "m").targets()).anyMatch(t -> t.name().equals("staging") && "1.1".equals(t.liveVersion()));
        assertThat(vm.model().targets()).anyMatch(t -> t.name().equals("staging") && "1.1".equals(t.liveVersion()));

        vm.close();
        assertThat(scheduler.running()).as("closing stops the watcher").isZero();
    }

    @Test
    void aMoveInThisWindowRefreshesTheListAndCannotBeUndoneInAnotherCatalog() {
        vm(new CurrentThreadTaskExecutor());
        vm.open(catalog("a.db"), OpenMode.EXISTING);
        dialogs.moveReason = Optional.of("try it");
        vm.model().requestMove("staging", vm.model().timelineProperty().get().versions().get(0));
        assertThat(named(vm, "m").targets()).anyMatch(t -> t.name().equals("staging") && "1.0".equals(t.liveVersion()));
        vm.model().requestMove("staging", vm.model().timelineProperty().get().versions().get(2));
        assertThat(vm.model().lastMoveProperty().get()).isNotNull();

        vm.open(catalog("b.db"), OpenMode.EXISTING);
        assertThat(vm.model().lastMoveProperty().get()).isNull();
    }

    @Test
    void whatOpeningRepairedOrCouldNotRepairIsShownNotDropped() {
        var open = TestCatalogs.opener(TestCatalogs.template());
        vm = new MainViewModel(new CurrentThreadTaskExecutor(), dialogs, scheduler, scheduler.clock(), (path, mode) -> {
            CatalogSessions.Opened opened = open.apply(path, mode);
            return new CatalogSessions.Opened(opened.services(), List.of(
                    new CatalogSessions.Note(CatalogSessions.Note.Kind.REPAIRED, "m/production -> 2.0"),
                    new CatalogSessions.Note(CatalogSessions.Note.Kind.WARNING, "serving dir /srv/x is not writable")),
                    false);
        });
        vm.open(catalog("a.db"), OpenMode.EXISTING);
        assertThat(dialogs.notices).extracting(RecordingDialogs.Notice::message)
                .containsExactly("Finished an interrupted switch: m/production -> 2.0");
        assertThat(dialogs.errors).singleElement().satisfies(e ->
                assertThat(e.message()).isEqualTo("serving dir /srv/x is not writable"));
        assertThat(vm.models()).extracting(ModelSummary::name).contains("m");
    }
}

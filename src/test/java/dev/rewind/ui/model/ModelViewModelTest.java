package dev.rewind.ui.model;

import dev.rewind.domain.MoveRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.EventKind;
import dev.rewind.domain.Version;
import dev.rewind.service.Services;
import dev.rewind.support.CatalogDump;
import dev.rewind.ui.common.CurrentThreadTaskExecutor;
import dev.rewind.ui.common.DialogService.TagRequest;
import dev.rewind.ui.common.QueuedTaskExecutor;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.common.TaskExecutor;
import dev.rewind.ui.common.TestCatalogs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The selected model's view-model without a window, over model m (1.0, 1.1, 2.0) with production serving 2.0. */
class ModelViewModelTest {
    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");

    @TempDir
    Path dir;
    Path db;
    Services services;
    final RecordingDialogs dialogs = new RecordingDialogs();
    int changes;

    @BeforeEach
    void catalog() {
        db = TestCatalogs.copy(TestCatalogs.template(), dir.resolve("catalog.db"));
        services = TestCatalogs.open(db);
    }

    @AfterEach
    void close() {
        TestCatalogs.close(services);
    }

    private String live(String target) {
        return services.deployments().targets("m").stream().filter(t -> t.name().equals(target)).findFirst()
                .orElseThrow().liveVersion();
    }

    private ModelViewModel vm(TaskExecutor tasks) {
        ModelViewModel vm = new ModelViewModel(tasks, dialogs, () -> services, Clock.fixed(NOW, ZoneOffset.UTC));
        vm.setAfterChange(() -> changes++);
        return vm;
    }

    private static Version version(ModelViewModel vm, String label) {
        return vm.timelineProperty().get().versions().stream().filter(v -> v.label().equals(label)).findFirst()
                .orElseThrow();
    }

    private static String live(ModelViewModel vm, String target) {
        return vm.targets().stream().filter(t -> t.name().equals(target)).findFirst().orElseThrow().liveVersion();
    }

    @Test
    void loadingAModelShowsItsTimelineTargetsAndHistory() {
        ModelViewModel vm = vm(new CurrentThreadTaskExecutor());
        vm.load("m");
        assertThat(vm.modelProperty().get()).isEqualTo("m");
        assertThat(vm.timelineProperty().get().versions()).extracting(Version::label).containsExactly("1.0", "1.1", "2.0");
        assertThat(vm.timelineProperty().get().now()).as("the injected clock").isEqualTo(NOW);
        assertThat(live(vm, "production")).isEqualTo("2.0");
        assertThat(live(vm, "staging")).isNull();
        assertThat(vm.events()).filteredOn(e -> e.kind() == EventKind.DEPLOY).hasSize(3);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.loadsProperty().get()).isEqualTo(1);
        assertThat(vm.deployments(version(vm, "1.1"))).singleElement().asString().startsWith("production: ");

        vm.load(null);
        assertThat(vm.timelineProperty().get().versions()).isEmpty();
        assertThat(vm.targets()).isEmpty();
    }

    @Test
    void reloadingKeepsTheModelAndTheVersionInFocusAndShowsWhatChanged() {
        ModelViewModel vm = vm(new CurrentThreadTaskExecutor());
        vm.load("m");
        vm.currentProperty().set(version(vm, "1.1"));
        services.registry().tag("m", "1.1", "reviewed", "yes", "by another process");
        vm.reload();
        assertThat(vm.modelProperty().get()).isEqualTo("m");
        assertThat(vm.currentProperty().get().label()).isEqualTo("1.1");
        assertThat(version(vm, "1.1").tags()).containsEntry("reviewed", "yes");
        assertThat(vm.loadsProperty().get()).isEqualTo(2);
    }

    @Test
    void aNewerLoadWinsOverAnOlderOneThatFinishesLater() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        ModelViewModel vm = vm(tasks);
        vm.load("m");
        vm.load("n");
        assertThat(vm.loadingProperty().get()).isTrue();
        tasks.runNewest();
        tasks.runOldest(); // the older load of m comes back last, and is dropped
        assertThat(vm.modelProperty().get()).isEqualTo("n");
        assertThat(vm.timelineProperty().get().versions()).extracting(Version::label).containsExactly("7.0");
        assertThat(vm.loadsProperty().get()).isEqualTo(1);
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void aConfirmedRollbackMovesTheTargetAndItsUndoMovesItBack() {
        ModelViewModel vm = vm(new CurrentThreadTaskExecutor());
        vm.load("m");
        dialogs.moveReason = Optional.of("2.0 misbehaves");
        vm.requestMove("production", version(vm, "1.1"));
        assertThat(dialogs.previews).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(EventKind.ROLLBACK);
            assertThat(p.current().label()).isEqualTo("2.0");
        });
        assertThat(vm.lastPreviewProperty().get()).isSameAs(dialogs.previews.get(0));
        assertThat(live("production")).isEqualTo("1.1");
        assertThat(vm.lastMoveProperty().get().toVersion()).isEqualTo("1.1");
        assertThat(changes).as("the rest of the window follows").isEqualTo(1);
        RecordingDialogs.Notice notice = dialogs.notices.get(0);
        assertThat(notice.message()).isEqualTo("Rolled back production of m: 2.0 → 1.1 — verified: the catalog points"
                + " production at 1.1 (event " + vm.lastMoveProperty().get().eventId() + ")");

        notice.undo().run();
        assertThat(live("production")).isEqualTo("2.0");
        assertThat(dialogs.notices.get(1).message()).isEqualTo("Deployed production of m: 1.1 → 2.0 — verified: the"
                + " catalog points production at 2.0 (event " + vm.lastMoveProperty().get().eventId() + ")");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aMoveWhoseServingDirCannotFollowSaysItIsRecordedAndTheWindowShowsIt() throws Exception {
        Path serve = dir.resolve("serve");
        services.deployments().addTarget("m", "canary", serve);
        java.nio.file.Files.createDirectories(serve);
        java.nio.file.Files.writeString(serve.resolve("current"), "not a link");
        ModelViewModel vm = vm(new CurrentThreadTaskExecutor());
        vm.load("m");
        dialogs.moveReason = Optional.of("try 1.1");
        vm.requestMove("canary", version(vm, "1.1"));
        assertThat(dialogs.errors).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Moved, but the serving directory did not follow");
            assertThat(e.message()).contains("the move is recorded").contains("the switch is pending");
        });
        assertThat(live("canary")).isEqualTo("1.1");
        assertThat(live(vm, "canary")).as("the window shows the recorded move").isEqualTo("1.1");
        assertThat(changes).as("the rest of the window follows").isEqualTo(1);
    }

    @Test
    void undoLastUndoesTheLastMoveOnceAndForgettingItLeavesNothingToUndo() {
        ModelViewModel vm = vm(new CurrentThreadTaskExecutor());
        vm.load("m");
        dialogs.moveReason = Optional.of("try staging");
        vm.requestMove("staging", version(vm, "1.0"));
        assertThat(live("staging")).isEqualTo("1.0");
        assertThat(dialogs.notices.get(0).undo()).as("nothing was live before: nothing to go back to").isNull();
        vm.requestMove("staging", version(vm, "2.0"));
        vm.undoLast();
        assertThat(live("staging")).isEqualTo("1.0");

        vm.requestMove("production", version(vm, "1.0"));
        vm.forgetLastMove();
        vm.undoLast();
        assertThat(live("production")).isEqualTo("1.0");
    }

    @Test
    void aCancelledConfirmationChangesNothing() throws Exception {
        ModelViewModel vm = vm(new CurrentThreadTaskExecutor());
        vm.load("m");
        String before = CatalogDump.of(db);
        vm.requestMove("production", version(vm, "1.0"));
        assertThat(dialogs.previews).hasSize(1);
        assertThat(CatalogDump.of(db)).isEqualTo(before);
        assertThat(vm.lastMoveProperty().get()).isNull();
    }

    @Test
    void aTargetMovedByAnotherProcessAfterThePreviewIsAConflictAndTheModelReloads() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        ModelViewModel vm = vm(tasks);
        vm.load("m");
        tasks.runAll();
        dialogs.moveReason = Optional.of("roll back");
        vm.requestMove("production", version(vm, "1.1"));
        tasks.runOldest(); // the preview, then the confirmation; the rollback is queued
        assertThat(tasks.pending()).containsExactly("Roll back");
        services.deployments().deploy(MoveRequest.of("m", "production", "1.0").expecting(Optional.of("2.0")).because("someone else"));
        tasks.runAll();
        assertThat(dialogs.errors).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Someone moved the target first");
            assertThat(e.message()).contains("production");
        });
        assertThat(live("production")).isEqualTo("1.0");
        assertThat(live(vm, "production")).as("reloaded").isEqualTo("1.0");
        assertThat(vm.lastMoveProperty().get()).isNull();
    }

    @Test
    void aRefusedTagAndAnUnknownModelShowTheirErrors() {
        ModelViewModel vm = vm(new CurrentThreadTaskExecutor());
        vm.load("m");
        dialogs.tag = Optional.of(new TagRequest(" padded", null, "why"));
        vm.requestTag(version(vm, "1.1"));
        assertThat(dialogs.errors).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Could not tag 1.1");
            assertThat(e.message()).contains("tag key");
        });
        assertThat(changes).isZero();

        vm.load("nope");
        assertThat(dialogs.errors.get(1).title()).isEqualTo("Could not load nope");
        assertThat(dialogs.errors.get(1).message()).contains("nope");
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void taggingAndUntaggingWriteTheCatalogAndTheWindowFollows() {
        ModelViewModel vm = vm(new CurrentThreadTaskExecutor());
        vm.load("m");
        dialogs.tag = Optional.of(new TagRequest("failed", null, "broke on live traffic"));
        vm.requestTag(version(vm, "2.0"));
        vm.reload();
        assertThat(version(vm, "2.0").failed()).isTrue();
        dialogs.reason = Optional.of("fixed upstream");
        vm.requestUntag(version(vm, "2.0"), "failed");
        vm.reload();
        assertThat(version(vm, "2.0").failed()).isFalse();
        assertThat(changes).isEqualTo(2);
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aFailedPostSwitchCheckIsShownAndTheWayBackIsOfferedThroughTheUsualDialog() {
        services.deployments().setCheck("m", "production",
                new dev.rewind.domain.TargetCheck("test \"$REWIND_VERSION\" != 1.1", java.time.Duration.ofSeconds(30)));
        ModelViewModel vm = vm(new CurrentThreadTaskExecutor());
        vm.load("m");
        dialogs.moveReason = Optional.of("2.0 misbehaves");
        vm.requestMove("production", version(vm, "1.1"));

        assertThat(dialogs.errors).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Post-switch check failed");
            assertThat(e.message()).contains("production of m serves 1.1", "failed with exit 1",
                    "move it back to 2.0");
        });
        assertThat(dialogs.previews).hasSize(2);
        assertThat(dialogs.previews.get(1).chosen().label()).as("the offer is the usual move dialog").isEqualTo("2.0");
        assertThat(live("production")).as("confirmed in that dialog, so moved back").isEqualTo("2.0");
        vm.reload();
        assertThat(vm.proof(vm.lastMoveProperty().get().eventId())).startsWith("verified");
    }
}

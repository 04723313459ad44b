package dev.rewind.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.Event;
import dev.rewind.domain.MetricGuard;
import dev.rewind.domain.MoveOverride;
import dev.rewind.domain.MovePreview;
import dev.rewind.domain.RollbackSuggestion;
import dev.rewind.domain.Version;
import dev.rewind.service.Services;
import dev.rewind.support.CatalogDump;
import dev.rewind.ui.common.CurrentThreadTaskExecutor;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.common.TestCatalogs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The move policy as the window's view-model meets it: overrides asked for in the window's words, the typed
 * name of protected targets, guards with their numbers, undo asking for the same override, the reason asked
 * before removing failed, and the suggested rollback. Over model m (1.0, 1.1, 2.0), production serving 2.0.
 */
class MovePolicyViewModelTest {
    @TempDir
    Path dir;
    Path db;
    Services services;
    final RecordingDialogs dialogs = new RecordingDialogs();
    ModelViewModel vm;

    @BeforeEach
    void catalog() {
        db = TestCatalogs.copy(TestCatalogs.template(), dir.resolve("catalog.db"));
        services = TestCatalogs.open(db);
        vm = new ModelViewModel(new CurrentThreadTaskExecutor(), dialogs, () -> services, Clock.systemUTC());
        vm.load("m");
    }

    @AfterEach
    void close() {
        TestCatalogs.close(services);
    }

    private Version version(String label) {
        return vm.timelineProperty().get().versions().stream().filter(v -> v.label().equals(label)).findFirst()
                .orElseThrow();
    }

    private String live(String target) {
        return services.deployments().targets("m").stream().filter(t -> t.name().equals(target)).findFirst()
                .orElseThrow().liveVersion();
    }

    private Event newest(String target) {
        return services.history().history("m", target).get(0);
    }

    @Test
    void aFailedVersionMovesOnlyOnceItsOverrideIsTickedAndTheEventRecordsIt() throws Exception {
        services.registry().tag("m", "1.1", "failed", "leaks", "seen live");
        vm.reload();
        dialogs.moveReason = Optional.of("hotfix is worse");
        String before = CatalogDump.of(db);
        vm.requestMove("staging", version("1.1"));
        MovePreview p = dialogs.previews.get(0);
        assertThat(p.needed()).singleElement().satisfies(n -> {
            assertThat(n.override()).isEqualTo(MoveOverride.FAILED_VERSION);
            assertThat(n.windowText()).isEqualTo("Deploy although 1.1 is tagged failed (leaks)");
        });
        assertThat(CatalogDump.of(db)).as("confirm stays disabled until the box is ticked").isEqualTo(before);

        dialogs.ticked = Set.of(MoveOverride.FAILED_VERSION);
        vm.requestMove("staging", version("1.1"));
        assertThat(live("staging")).isEqualTo("1.1");
        assertThat(newest("staging").overrides()).containsExactly(MoveOverride.FAILED_VERSION);
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aProtectedTargetOfAnyNameAsksForItsTypedName() {
        services.deployments().addTarget("m", "prod", null, true);
        services.targetRules().protect("m", "staging", true, "now serves a pilot customer");
        dialogs.moveReason = Optional.empty();
        vm.reload();
        vm.requestMove("prod", version("1.1"));
        vm.requestMove("staging", version("1.1"));
        vm.requestMove("production", version("1.1"));
        assertThat(dialogs.previews).extracting(MovePreview::needsTypedConfirmation).containsExactly(true, true, false);
    }

    @Test
    void aGuardFailureIsShownWithTheNumbersAndNeedsItsOverride() {
        services.targetRules().guard("m", "production", List.of(new MetricGuard("auc", 0.93, null)), "slo");
        dialogs.moveReason = Optional.of("roll back");
        vm.requestMove("production", version("1.1"));
        assertThat(dialogs.previews.get(0).needed()).singleElement().satisfies(n -> {
            assertThat(n.override()).isEqualTo(MoveOverride.GUARD);
            assertThat(n.windowText()).isEqualTo(
                    "Roll back although a metric guard fails: auc 0.92 is 0.01 below the minimum 0.93");
        });
        assertThat(live("production")).isEqualTo("2.0");
        dialogs.ticked = Set.of(MoveOverride.GUARD);
        vm.requestMove("production", version("1.1"));
        assertThat(live("production")).isEqualTo("1.1");
        assertThat(newest("production").overrides()).containsExactly(MoveOverride.GUARD);
    }

    @Test
    void undoOfAMoveWhoseWayBackNeedsAnOverrideAsksForItInTheWindowsWords() {
        dialogs.moveReason = Optional.of("try it");
        vm.requestMove("staging", version("1.0"));
        vm.requestMove("staging", version("2.0"));
        services.registry().tag("m", "1.0", "failed", null, "found a leak meanwhile");
        int previews = dialogs.previews.size();

        dialogs.moveReason = Optional.empty(); // the person cancels the confirmation
        vm.undoLast();
        MovePreview asked = dialogs.previews.get(previews);
        assertThat(asked.needed()).extracting(n -> n.windowText()).containsExactly("Deploy although 1.0 is tagged failed");
        assertThat(asked.needed().get(0).windowText()).doesNotContain("--");
        assertThat(live("staging")).isEqualTo("2.0");
        assertThat(dialogs.errors).isEmpty();

        dialogs.moveReason = Optional.of("undo: 1.1 is slower");
        vm.requestMove("staging", version("1.1"));
        dialogs.ticked = Set.of(MoveOverride.FAILED_VERSION);
        vm.requestMove("staging", version("2.0"));
        assertThat(newest("staging").overrides()).as("a ticked box the move did not need is not recorded").isEmpty();
        services.registry().tag("m", "1.1", "failed", null, "slow");
        vm.undoLast();
        assertThat(live("staging")).isEqualTo("1.1");
        assertThat(newest("staging").overrides()).containsExactly(MoveOverride.FAILED_VERSION);
        assertThat(newest("staging").reason()).isEqualTo("undo: 1.1 is slower");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void removingFailedAsksForAReasonAndCancellingChangesNothing() throws Exception {
        services.registry().tag("m", "1.1", "failed", null, "bad");
        services.registry().tag("m", "1.1", "owner", "ana", "who");
        vm.reload();
        String before = CatalogDump.of(db);
        vm.requestUntag(version("1.1"), "failed");
        assertThat(dialogs.reasonQuestions).singleElement().asString()
                .startsWith("Remove failed from 1.1").doesNotContain("--");
        assertThat(CatalogDump.of(db)).isEqualTo(before);

        dialogs.reason = Optional.of("false alarm");
        vm.requestUntag(version("1.1"), "failed");
        assertThat(newest(null).reason()).isEqualTo("false alarm");
        vm.requestUntag(version("1.1"), "owner");
        assertThat(dialogs.reasonQuestions).as("other tags come off without a question").hasSize(2);
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void theSuggestedRollbackIsTheLastStableVersion() {
        services.registry().tag("m", "1.0", "stable", null, "a quarter without incident");
        vm.reload();
        assertThat(vm.rollbackSuggestion("production")).contains(new RollbackSuggestion("production", "1.0", true));
        assertThat(vm.rollbackSuggestion("production").orElseThrow().describe())
                .isEqualTo("Roll back production to 1.0 (last stable)");
        assertThat(vm.rollbackSuggestion("staging")).as("serves nothing: nothing to suggest").isEmpty();
        dialogs.moveReason = Optional.of("incident");
        vm.requestSuggestedRollback("production");
        assertThat(live("production")).isEqualTo("1.0");
    }
}

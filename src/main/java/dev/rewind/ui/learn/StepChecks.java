package dev.rewind.ui.learn;

import dev.rewind.domain.Event;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.MovePreview;
import dev.rewind.domain.TargetState;
import dev.rewind.domain.Version;
import dev.rewind.service.LearnScenario;
import dev.rewind.ui.compare.CompareViewModel;
import dev.rewind.ui.model.ModelTab;
import dev.rewind.ui.model.ModelViewModel;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javafx.beans.InvalidationListener;

/**
 * Whether a step was done, judged from what the real window shows: the model's timeline, targets and history,
 * the Compare tab, the monitor, the open tab, and the confirmations the learner was shown.
 */
final class StepChecks {
    private final ModelViewModel model;
    private final CompareViewModel compare;
    private final MonitorModel monitor;
    private final Set<String> visited = new HashSet<>();
    private MovePreview preview;
    private ModelTab tab;

    StepChecks(ModelViewModel model, CompareViewModel compare, MonitorModel monitor) {
        this.model = model;
        this.compare = compare;
        this.monitor = monitor;
    }

    /**
     * Follows the window: versions visited, confirmations shown while {@code ready} (a sandbox of this run is
     * open), and every change a check depends on, after which {@code changed} runs.
     */
    void observe(BooleanSupplier ready, Runnable changed) {
        model.currentProperty().addListener((o, a, v) -> {
            noteVisited(v);
            changed.run();
        });
        model.lastPreviewProperty().addListener((o, a, p) -> {
            if (ready.getAsBoolean()) {
                preview = p;
            }
            changed.run();
        });
        InvalidationListener any = o -> changed.run();
        model.events().addListener(any);
        model.timelineProperty().addListener(any);
        compare.compared().addListener(any);
        monitor.samples().addListener(any);
    }

    /** Forgets what was seen (a new sandbox opened). */
    void reset() {
        visited.clear();
        preview = null;
    }

    private void noteVisited(Version v) {
        if (v != null) {
            visited.add(v.model() + "\0" + v.label());
        }
    }

    void noteTab(ModelTab open) {
        tab = open;
    }

    boolean passed(LearnScenario s, LearnScenario.Check check) {
        LearnScenario.Story story = s.story();
        boolean ours = s.model().equals(model.modelProperty().get());
        return ours && switch (check) {
            case VISIT_VERSIONS -> s.versions().stream().allMatch(v -> visited.contains(s.model() + "\0" + v.label()));
            case MONITOR_ALERT -> monitor.alerted();
            case COMPARE -> tab == ModelTab.COMPARE && labels(compare.compared()).containsAll(
                    List.of(story.lastGood(), story.failing()));
            case ROLLBACK -> story.lastGood().equals(live(story.target())) && model.events().stream()
                    .anyMatch(e -> rollbackAway(e, story));
            case MONITOR_RECOVERS -> story.lastGood().equals(monitor.servingProperty().get())
                    && monitor.belowStreak() >= 3;
            case TAG_FAILED -> Optional.ofNullable(model.timelineProperty().get()
                    .withLabel(story.failing())).filter(Version::failed).isPresent();
            case READ_HISTORY -> tab == ModelTab.HISTORY;
            case ROLLBACK_REFUSED -> preview != null && preview.model().equals(s.model())
                    && preview.target().equals(story.target()) && !preview.allowed();
        };
    }

    private static boolean rollbackAway(Event e, LearnScenario.Story story) {
        return e.kind() == EventKind.ROLLBACK && story.target().equals(e.target())
                && story.failing().equals(e.fromVersion()) && e.reason() != null && !e.reason().isBlank();
    }

    String live(String target) {
        return model.targets().stream().filter(t -> t.name().equals(target)).map(TargetState::liveVersion)
                .findFirst().orElse(null);
    }

    private static List<String> labels(List<Version> versions) {
        return versions.stream().map(Version::label).toList();
    }
}

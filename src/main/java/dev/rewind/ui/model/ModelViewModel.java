package dev.rewind.ui.model;

import dev.rewind.domain.ConflictException;
import dev.rewind.domain.Event;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.Lane;
import dev.rewind.domain.Move;
import dev.rewind.domain.MoveOverride;
import dev.rewind.domain.MoveProof;
import dev.rewind.domain.MovePreview;
import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.RollbackSuggestion;
import dev.rewind.domain.Tags;
import dev.rewind.domain.TargetPointer;
import dev.rewind.domain.TargetState;
import dev.rewind.domain.Version;
import dev.rewind.service.Services;
import dev.rewind.ui.common.DialogService;
import dev.rewind.ui.common.Formats;
import dev.rewind.ui.common.TaskExecutor;
import dev.rewind.ui.timeline.TimelineData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected model: its timeline, targets and history, the version in focus, and what a person can do to
 * it (tag, untag, deploy, roll back, undo). Every catalog call runs through the task executor.
 */
public final class ModelViewModel {
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Supplier<Services> services;
    private final Clock clock;

    private final ReadOnlyStringWrapper model = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<TimelineData> timeline = new ReadOnlyObjectWrapper<>(TimelineData.EMPTY);
    private final ObservableList<TargetState> targets = FXCollections.observableArrayList();
    private final ObservableList<Event> events = FXCollections.observableArrayList();
    private final ObjectProperty<Version> current = new SimpleObjectProperty<>();
    private final ObservableList<Version> selection = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper loads = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<Move> lastMove = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MovePreview> lastPreview = new ReadOnlyObjectWrapper<>();
    private Map<String, dev.rewind.domain.Direction> directions = Map.of();
    private List<String> tagKeys = List.of();
    private Map<Long, MoveProof> proofs = Map.of();
    private long loadGeneration;
    private Version initial;
    private final VersionDetails details;
    private Runnable afterChange = () -> { };
    private Consumer<Runnable> afterShown = Runnable::run;
    private EarlyModelRead early;
    private boolean showing;

    private Map<String, RollbackSuggestion> suggestions = Map.of();

    public ModelViewModel(TaskExecutor tasks, DialogService dialogs, Supplier<Services> services, Clock clock) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.services = services;
        this.clock = clock;
        // the version a model opens on has its details read once the timeline is laid out: they are a pane of
        // their own to build, which would otherwise make the timeline's first frame wait
        this.details = new VersionDetails(tasks, services, current, r -> {
            if (showing) {
                afterShown.accept(r);
            } else {
                r.run();
            }
        });
    }

    /**
     * Loads a model (null clears); a newer request wins over one still running. Another model's content goes at
     * once, so its name never shows over the previous model's timeline, targets or history while this one loads.
     */
    public void load(String asked) {
        // the catalog open now: a read that outlives it (another was opened meanwhile) reads this one, not the next;
        // with none open there is nothing to read
        Services from = services.get();
        String name = from == null ? null : asked;
        long generation = ++loadGeneration;
        boolean another = !java.util.Objects.equals(name, model.get());
        EarlyModelRead ahead = name == null ? null : early;
        if (name != null) {
            early = null;
        }
        // the read starts before the window lets go of the model before (its thread clears while the read runs);
        // what it brings back waits for that, should it come back at once (a test's executor runs it in place)
        boolean[] clearing = {true};
        List<Runnable> afterClearing = new ArrayList<>();
        Consumer<ModelReads.Loaded> show = l -> {
            if (clearing[0]) {
                afterClearing.add(() -> show(from, name, generation, another, l));
            } else {
                show(from, name, generation, another, l);
            }
        };
        Consumer<Throwable> failed = t -> {
            if (clearing[0]) {
                afterClearing.add(() -> loadFailed(name, generation, t));
            } else {
                loadFailed(name, generation, t);
            }
        };
        if (name != null) {
            reading.set(true); // the background history check makes way from now on
        }
        boolean wasReadAhead = name != null && ahead != null && ahead.isFor(from, name);
        Optional<ModelReads.Loaded> ready = wasReadAhead ? ahead.ready() : Optional.empty();
        if (ready.isPresent()) { // read while the window started: shown in the frame being built
            afterClearing.add(() -> show(from, name, generation, another, ready.get()));
        } else if (name != null) {
            tasks.run("Load " + name, () -> wasReadAhead ? ahead.awaitElseRead(clock, tasks.forParts())
                    : ModelReads.first(from, name, clock.instant(), tasks.forParts()), show, failed);
        }
        model.set(name);
        if (name == null || another) {
            suggestions = Map.of();
            proofs = Map.of();
            initial = null;
            selection.clear();
            current.set(null);
            timeline.set(TimelineData.EMPTY);
            targets.clear();
            events.clear();
        }
        if (name == null) {
            loading.set(false);
            reading.set(false);
            return;
        }
        reading.set(true);
        loading.set(true);
        clearing[0] = false;
        afterClearing.forEach(Runnable::run);
    }

    private void show(Services from, String name, long generation, boolean another, ModelReads.Loaded l) {
        if (generation != loadGeneration) {
            return;
        }
        directions = l.directions();
        tagKeys = l.tagKeys();
        suggestions = l.suggestions();
        initial = l.initial();
        showing = true;
        try {
            targets.setAll(l.targets());
            timeline.set(l.timeline());
        } finally {
            showing = false;
        }
        dev.rewind.ui.common.StartupTrace.mark("model " + name + " shown");
        if (another) {
            loaded();
        }
        // the History once the timeline is laid out (on a long-lived model this read takes a core for
        // seconds); a reload (after a move, a tag, a change seen) shows its timeline at once but counts
        // as done only with its History, so what it changed is everywhere when it says so
        afterShown.accept(() -> readHistory(from, name, generation, another ? () -> { } : this::loaded));
    }

    private void loadFailed(String name, long generation, Throwable t) {
        if (generation == loadGeneration) {
            loading.set(false);
            reading.set(false);
            error("Could not load " + name, t);
        }
    }

    /**
     * A read of the model the window will show first, started ahead of it (start-up): the next load uses it if it
     * is of that model in the catalog open then; any load forgets it.
     */
    public void offer(EarlyModelRead read) {
        early = read;
    }

    private void loaded() {
        loading.set(false);
        loads.set(loads.get() + 1);
    }

    private void readHistory(Services from, String name, long generation, Runnable then) {
        if (generation != loadGeneration) {
            return;
        }
        tasks.run("Read the history of " + name, () -> ModelReads.history(from, name), h -> {
            if (generation == loadGeneration) {
                showHistory(h);
                then.run();
                reading.set(false);
            }
        }, t -> {
            if (generation == loadGeneration) {
                loading.set(false);
                reading.set(false);
                error("Could not read the history of " + name, t);
            }
        });
    }

    /**
     * How the History of a model just shown waits for its timeline to be drawn: the window runs it after the
     * layout pass that follows (default: at once).
     */
    public void setAfterShown(Consumer<Runnable> afterShown) {
        this.afterShown = afterShown;
    }

    private void showHistory(ModelReads.History h) {
        proofs = h.proofs();
        events.setAll(h.events());
    }

    /**
     * The version to select when the model opens: the one live on its first protected target, else the newest;
     * null before it has loaded. Never a label carried over from another model.
     */
    public Version initialVersion() {
        return initial;
    }

    /** The full version in focus (metrics, params, provenance), read on demand; null while reading or none. */
    public ReadOnlyObjectProperty<Version> detailsProperty() {
        return details.detailsProperty();
    }

    /** Reads the full versions behind timeline rows in the background; {@code then} gets them in the same order. */
    public void withFull(List<Version> light, Consumer<List<Version>> then) {
        details.withFull(light, then);
    }

    /** Loads the same model again, keeping the selection (the timeline matches it by label). */
    public void reload() {
        if (model.get() != null) {
            load(model.get());
        }
    }

    /**
     * Asks for confirmation of moving {@code target} to {@code version} (with the overrides the move policy asks
     * for ticked), then does it in the background, made only if the target still serves what the dialog showed.
     */
    public void requestMove(String target, Version version) {
        MoveRequest asked = MoveRequest.of(model.get(), target, version.label());
        tasks.run("Preview", () -> services.get().deployments().preview(asked),
                preview -> confirmAndMove(preview, asked), t -> error("Could not prepare the move", t));
    }

    /** Why the connected user may not move {@code target} (a role they lack); empty when they may. */
    public Optional<String> whyNotMove(TargetState target) {
        return Permits.move(services.get().abilities(), target);
    }

    /** Why the connected user may not tag or untag; empty when they may. */
    public Optional<String> whyNotTag() {
        return Permits.edit(services.get().abilities());
    }

    /** The rollback the catalog suggests for a target ("Roll back production to 1.1.0 (last stable)"), if any. */
    public Optional<RollbackSuggestion> rollbackSuggestion(String target) {
        return Optional.ofNullable(suggestions.get(target));
    }

    /** Asks to make the suggested rollback of {@code target}: the usual confirmation of a move to that version. */
    public void requestSuggestedRollback(String target) {
        rollbackSuggestion(target).map(r -> timeline.get().withLabel(r.version()))
                .ifPresent(v -> requestMove(target, v));
    }

    private void confirmAndMove(MovePreview preview, MoveRequest asked) {
        dialogs.confirmMove(shown(preview)).ifPresent(c -> {
            if (c.linkFirst() != null) {
                linkThen(preview, c.linkFirst(), () -> requestMove(preview.target(), preview.chosen()));
                return;
            }
            boolean rollback = preview.kind() == EventKind.ROLLBACK;
            MoveRequest r = asked.expecting(Optional.ofNullable(preview.current()).map(Version::label))
                    .because(c.reason());
            for (MoveOverride o : c.overrides()) {
                r = r.overriding(o);
            }
            MoveRequest confirmed = r;
            tasks.run(rollback ? "Roll back" : "Deploy", () -> rollback
                    ? services.get().deployments().rollback(confirmed)
                    : services.get().deployments().deploy(confirmed), this::moved, this::moveFailed);
        });
    }

    /**
     * Links the previewed target to {@code pointer} in the background, then {@code again} shows the move once more,
     * its preview read afresh (now with what the move amounts to in MLflow instead of "recorded only").
     */
    private void linkThen(MovePreview preview, TargetPointer pointer, Runnable again) {
        tasks.run("Link " + preview.target(), () -> services.get().deployments().linkTarget(preview.model(),
                preview.target(), pointer), linked -> {
                    afterChange.run();
                    again.run();
                }, t -> error("Could not link " + preview.target() + " to " + pointer.describe(), t));
    }

    private MovePreview shown(MovePreview p) {
        lastPreview.set(p);
        return p;
    }

    /** Called after this window changed the catalog, so the rest of the window follows at once. */
    public void setAfterChange(Runnable r) {
        afterChange = r;
    }

    private void moved(Move m) {
        Services movedIn = services.get();
        lastMove.set(m);
        afterChange.run();
        String verb = m.kind() == EventKind.ROLLBACK ? "Rolled back" : "Deployed";
        MoveProof proof = m.proof();
        dialogs.notifyDone(verb + " " + m.target() + " of " + m.model() + ": "
                + (m.fromVersion() == null ? "nothing" : m.fromVersion()) + " → " + m.toVersion()
                + (proof == null ? "" : (proof.verified() ? " — verified: " : " — NOT verified: ") + proof.detail()),
                m.fromVersion() == null ? null : () -> {
                    if (services.get() == movedIn) { // not once another catalog (a Learn sandbox, say) is open
                        undo(m);
                    }
                });
        offerRollbackAfterFailedCheck(m);
    }

    /**
     * A failed post-switch check: says so, then offers the way back through the usual move dialog (with its
     * preview, reason and conflict check), so the person decides with the same facts as for any rollback.
     */
    private void offerRollbackAfterFailedCheck(Move m) {
        if (m.proof() == null || m.proof().check() == null || m.proof().check().passed() || m.fromVersion() == null) {
            return;
        }
        dialogs.showError("Post-switch check failed", m.target() + " of " + m.model() + " serves " + m.toVersion()
                + ", but its " + m.proof().check().describe() + ". Rewind offers to move it back to "
                + m.fromVersion() + ".");
        Optional.ofNullable(timeline.get().withLabel(m.fromVersion())).ifPresent(v -> requestMove(m.target(), v));
    }

    /** What reading an event's move back showed, for the History table; empty for other events. */
    public String proof(long eventId) {
        MoveProof p = proofs.get(eventId);
        return p == null ? "" : p.summary();
    }

    private void moveFailed(Throwable t) {
        if (t instanceof ConflictException c) {
            dialogs.showError("Someone moved the target first", c.getMessage());
        } else if (t instanceof RewindException r && r.exitCode() == RewindException.SWITCH_PENDING) {
            dialogs.showError("Moved, but the serving directory did not follow", r.getMessage());
            afterChange.run(); // the move is recorded: the list and lanes must show it
        } else {
            error("The move was refused", t);
        }
        reload();
    }

    /**
     * Undoes a move by moving the target back to where it was: itself a recorded deploy. When going back needs
     * an override (the version is tagged failed, or misses a guard), the usual confirmation asks for it.
     */
    public void undo(Move m) {
        MoveRequest back = MoveRequest.of(m.model(), m.target(), m.fromVersion())
                .expecting(Optional.of(m.toVersion())).because("Undo of event " + m.eventId());
        tasks.run("Undo", () -> services.get().deployments().preview(back), preview -> {
            if (preview.allowed() && preview.needed().isEmpty()) {
                tasks.run("Undo", () -> services.get().deployments().deploy(back), this::moved, this::moveFailed);
            } else {
                undoConfirmed(preview, back);
            }
        }, this::moveFailed);
    }

    private void undoConfirmed(MovePreview preview, MoveRequest back) {
        dialogs.confirmMove(shown(preview)).ifPresent(c -> {
            if (c.linkFirst() != null) {
                linkThen(preview, c.linkFirst(), () -> tasks.run("Undo", () -> services.get().deployments()
                        .preview(back), p -> undoConfirmed(p, back), this::moveFailed));
                return;
            }
            MoveRequest r = back.because(c.reason());
            for (MoveOverride o : c.overrides()) {
                r = r.overriding(o);
            }
            MoveRequest confirmed = r;
            tasks.run("Undo", () -> services.get().deployments().deploy(confirmed), this::moved, this::moveFailed);
        });
    }

    /** Forgets the last move: another catalog was opened, where undoing it would be wrong. */
    public void forgetLastMove() {
        lastMove.set(null);
    }

    /** Undoes the last move made from this window, if any. */
    public void undoLast() {
        Move m = lastMove.get();
        if (m != null && m.fromVersion() != null) {
            lastMove.set(null);
            undo(m);
        }
    }

    public void requestTag(Version v) {
        String name = model.get();
        dialogs.askTag(name, v.label(), tagKeys).ifPresent(r -> tasks.run("Tag", () ->
                services.get().registry().tag(name, v.label(), r.key(), r.value(), r.reason()),
                done -> afterChange.run(), t -> error("Could not tag " + v.label(), t)));
    }

    /** Removes a tag; removing failed or stable changes what moves do, so a reason is asked for first. */
    public void requestUntag(Version v, String key) {
        String name = model.get();
        Optional<String> reason = Tags.meaningful(key)
                ? dialogs.askReason("Remove " + key + " from " + v.label(), "Removing " + Tags.normalize(key)
                        + " changes what deploy and rollback do with " + v.label() + ". Why?")
                : Optional.of("removed in the window");
        reason.ifPresent(why -> tasks.run("Untag", () -> services.get().registry().untag(name, v.label(), key, why),
                done -> afterChange.run(), t -> error("Could not remove the tag", t)));
    }

    /** Where a version is or was deployed, one line per period, e.g. "production: 2026-10-01 → now (live)". */
    public List<String> deployments(Version v) {
        List<String> out = new ArrayList<>();
        for (Lane lane : timeline.get().lanes()) {
            List<Lane.Segment> segments = lane.segments();
            for (int i = 0; i < segments.size(); i++) {
                Lane.Segment s = segments.get(i);
                if (s.version().equals(v.label())) {
                    // a time an import read from its source is marked as History's Change column marks it
                    boolean untilApproximate = i + 1 < segments.size() && segments.get(i + 1).approximate();
                    out.add(lane.target() + ": " + approximately(s.approximate()) + Formats.time(s.from()) + " → "
                            + (s.until() == null ? "now (live)" : approximately(untilApproximate)
                            + Formats.time(s.until())));
                }
            }
        }
        return out;
    }

    private static String approximately(boolean approximate) {
        return approximate ? "≈ " : "";
    }

    public Map<String, dev.rewind.domain.Direction> directions() {
        return directions;
    }

    private void error(String title, Throwable t) {
        dialogs.showFailure(title, t);
    }

    public ReadOnlyStringProperty modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TimelineData> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    public ObservableList<TargetState> targets() {
        return targets;
    }

    public ObservableList<Event> events() {
        return events;
    }

    /** The version in focus (details, actions); the view keeps it in step with the timeline. */
    public ObjectProperty<Version> currentProperty() {
        return current;
    }

    /** The versions selected on the timeline (for Compare). */
    public ObservableList<Version> selection() {
        return selection;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True from a load's start until its History too has been read (the background check waits meanwhile). */
    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** Counts finished loads; a view or test waits on it. */
    public ReadOnlyIntegerProperty loadsProperty() {
        return loads.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Move> lastMoveProperty() {
        return lastMove.getReadOnlyProperty();
    }

    /** The last deploy or rollback shown for confirmation, with its blocker if it was refused. */
    public ReadOnlyObjectProperty<MovePreview> lastPreviewProperty() {
        return lastPreview.getReadOnlyProperty();
    }
}

package dev.rewind.ui.learn;

import dev.rewind.service.LearnScenario;
import dev.rewind.service.SandboxService;
import dev.rewind.ui.common.DialogService;
import dev.rewind.ui.common.Scheduler;
import dev.rewind.ui.common.TaskExecutor;
import dev.rewind.ui.compare.CompareViewModel;
import dev.rewind.ui.learn.Page.Kind;
import dev.rewind.ui.learn.Page.Run;
import dev.rewind.ui.model.ModelTab;
import dev.rewind.ui.model.ModelViewModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Learn mode: a guided story played in the real window on a sandbox catalog ({@link Page} lists its parts).
 * A step's Next opens only once its check passes on what the window really shows; the person's catalog is
 * closed, unwritten, until Learn mode ends.
 */
public final class LearnViewModel {
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Callable<LearnScenario> loader;
    private final SandboxRuns sandboxes;
    private final MonitorModel monitor;
    private final QuizModel quiz = new QuizModel();
    private final LearnTexts texts = new LearnTexts();
    private final StepChecks checks;
    private final ModelViewModel model;
    private final List<Page> pages = new ArrayList<>();
    private final Set<Integer> done = new HashSet<>();
    private LearnScenario scenario;
    private Run openRun;
    private boolean ready;
    private int index;

    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper offer = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper passed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canBack = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<ModelTab> tab = new SimpleObjectProperty<>();

    public LearnViewModel(TaskExecutor tasks, DialogService dialogs, Scheduler scheduler, SandboxHost host,
                          ModelViewModel model, CompareViewModel compare, Callable<LearnScenario> loader) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.monitor = new MonitorModel(scheduler);
        this.loader = loader;
        this.sandboxes = new SandboxRuns(tasks, dialogs, host);
        this.model = model;
        this.checks = new StepChecks(model, compare, monitor);
        checks.observe(() -> ready, this::evaluate);
        model.targets().addListener((InvalidationListener) o -> {
            if (ready) {
                monitor.setServing(checks.live(scenario.story().target()));
            }
            evaluate();
        });
        tab.addListener((o, a, open) -> {
            checks.noteTab(open);
            evaluate();
        });
        quiz.choiceProperty().addListener((o, was, now) -> evaluate()); // a change listener: no view need read it
        host.sandboxProperty().addListener((o, was, now) -> {
            if (!now && active.get()) { // another catalog was opened: Learn mode is over
                deactivate();
                sandboxes.discardLater();
            }
        });
    }

    /** Offers the tour (first start); the offer goes away when taken or dismissed. */
    public void offerTour() {
        offer.set(!active.get());
    }

    public void dismissOffer() {
        offer.set(false);
    }

    /** Loads the scenario and opens the first sandbox in place of the person's catalog. */
    public void start() {
        if (active.get()) {
            return;
        }
        offer.set(false);
        active.set(true);
        pages.clear();
        done.clear();
        page.set(null);
        busy.set(texts.label(null, "preparing", "Preparing the sandbox…"));
        refresh();
        tasks.run("Load the Learn scenario", loader, s -> {
            if (active.get()) {
                scenario = s;
                pages.addAll(Page.of(s));
                quiz.load(s);
                openSandbox(Run.MAIN, 0);
            }
        }, t -> {
            deactivate();
            dialogs.showFailure("Could not start Learn mode", t);
        });
    }

    public void next() {
        if (canNext.get()) {
            Page p = pages.get(index + 1);
            if (p.kind() == Kind.STEP && p.run() != openRun) {
                openSandbox(p.run(), index + 1);
            } else {
                show(index + 1);
            }
        }
    }

    public void back() {
        if (canBack.get()) {
            show(index - 1);
        }
    }

    /** Plays the story again from the first step, on a new sandbox. */
    public void restart() {
        if (active.get() && scenario != null && busy.get().isEmpty()) {
            done.clear();
            quiz.reset();
            openSandbox(Run.MAIN, 0);
        }
    }

    /** Leaves Learn mode: the person's catalog opens again and the sandboxes are deleted. */
    public void exit() {
        if (active.get()) {
            deactivate();
            sandboxes.leave();
        }
    }

    /** When the window closes. */
    public void shutdown() {
        deactivate();
        sandboxes.discardNow();
    }

    private void openSandbox(Run run, int to) {
        ready = false;
        busy.set(run == Run.MAIN ? texts.label(scenario, "preparing", "Preparing the sandbox…")
                : texts.label(scenario, "preparingContrast", "Preparing the second run…"));
        refresh();
        sandboxes.open(scenario, run == Run.MAIN ? SandboxService.Variant.VERSIONED
                : SandboxService.Variant.OVERWRITTEN_IN_PLACE, active::get, () -> opened(run, to), t -> notOpened());
    }

    private void opened(Run run, int to) {
        if (active.get()) {
            openRun = run;
            ready = true;
            busy.set("");
            checks.reset();
            monitor.clear();
            if (!model.loadingProperty().get()) { // the sandbox's model was shown before this ran: follow it now
                monitor.setServing(checks.live(scenario.story().target()));
            }
            show(to);
        }
    }

    private void notOpened() {
        busy.set("");
        if (openRun == null) {
            deactivate();
        } else {
            ready = true; // the sandbox shown before is still open
            refresh();
        }
    }

    private void deactivate() {
        active.set(false);
        ready = false;
        openRun = null;
        monitor.stop();
        busy.set("");
    }

    private void show(int i) {
        index = i;
        Page p = pages.get(i);
        if (p.kind() == Kind.QUESTION) {
            quiz.show(p.question());
        }
        if (p.kind() == Kind.STEP && !monitor.runningProperty().get() && i >= monitorFrom(p.run())) {
            monitor.start(scenario); // from the step that introduces it, so the learner sees the whole curve
        }
        page.set(p);
        texts.show(scenario, p, quiz.scoreProperty().get());
        refresh();
        evaluate();
    }

    /** The first page of a run that watches the monitor, else the run's first page. */
    private int monitorFrom(Run run) {
        int first = -1;
        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            if (p.kind() == Kind.STEP && p.run() == run) {
                first = first < 0 ? i : first;
                LearnScenario.Check c = p.step().check();
                if (c == LearnScenario.Check.MONITOR_ALERT || c == LearnScenario.Check.MONITOR_RECOVERS) {
                    return i;
                }
            }
        }
        return first;
    }

    private void evaluate() {
        if (!active.get() || !ready || pages.isEmpty() || done.contains(index)) {
            return;
        }
        Page p = pages.get(index);
        boolean ok = switch (p.kind()) {
            case STEP -> p.run() == openRun && checks.passed(scenario, p.step().check());
            case QUESTION -> quiz.answered(p.question());
            case SCORE -> true;
        };
        if (ok) {
            done.add(index);
            refresh();
        }
    }

    private void refresh() {
        Page p = page.get();
        boolean idle = busy.get().isEmpty() && p != null;
        boolean ok = idle && done.contains(index);
        passed.set(ok);
        canNext.set(ok && index + 1 < pages.size());
        // a step of the other run cannot be gone back to: its sandbox is closed
        canBack.set(idle && index > 0 && (pages.get(index - 1).kind() != Kind.STEP
                || pages.get(index - 1).run() == openRun));
        texts.status(scenario, p, ok);
    }

    /** A label of the scenario file, for the panel's buttons. */
    public String label(String key, String fallback) {
        return texts.label(scenario, key, fallback);
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Whether the "New here?" offer is shown. */
    public ReadOnlyBooleanProperty offerProperty() {
        return offer.getReadOnlyProperty();
    }

    /** What is being prepared (empty when nothing is). */
    public ReadOnlyStringProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** The texts the panel shows for the page. */
    public LearnTexts texts() {
        return texts;
    }

    /** Whether the page's check passed (a question: answered). */
    public ReadOnlyBooleanProperty passedProperty() {
        return passed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canBackProperty() {
        return canBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext.getReadOnlyProperty();
    }

    /** The tab open under the timeline; the view keeps it current. */
    public ObjectProperty<ModelTab> tabProperty() {
        return tab;
    }

    public MonitorModel monitor() {
        return monitor;
    }

    public QuizModel quiz() {
        return quiz;
    }
}

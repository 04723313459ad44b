package dev.rewind.ui.learn;

import dev.rewind.service.LearnScenario;
import dev.rewind.ui.common.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The simulated live monitor: on every tick of a timer (the injected scheduler's) it appends the next value of the
 * series of the version the story's target serves, starting that series afresh whenever the target moves, and
 * holding its last values once played through. Keeps the last {@code window} samples.
 */
public final class MonitorModel {
    /** One point: the tick it was taken at, the error rate, and the version that produced it. */
    public record Sample(long tick, double value, String version) {
    }

    private final ObservableList<Sample> samples = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper serving = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper alert = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final Scheduler scheduler;
    private LearnScenario scenario;
    private LearnScenario.Monitor spec;
    private Scheduler.Cancellable timer;
    private long tick;
    private int index;
    private int belowStreak;
    private boolean alerted;

    MonitorModel(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Forgets everything measured (a new sandbox opened); stays stopped. */
    void clear() {
        stop();
        samples.clear();
        caption.set("");
        serving.set(null);
        alert.set(false);
        tick = 0;
        index = 0;
        belowStreak = 0;
        alerted = false;
    }

    /** Starts ticking, from the start of the series of the version served now, until {@link #stop()}. */
    void start(LearnScenario s) {
        stop();
        scenario = s;
        spec = s.monitor();
        index = 0;
        timer = scheduler.every(Duration.ofMillis(spec.tickMillis()), this::tick);
        running.set(true);
    }

    void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        running.set(false);
    }

    /** The version the monitored target serves now (null: nothing to measure yet). */
    void setServing(String version) {
        if (!Objects.equals(version, serving.get())) {
            serving.set(version);
            index = 0;
        }
    }

    void tick() {
        List<Double> series = spec == null || serving.get() == null ? null : spec.series().get(serving.get());
        if (series == null || series.isEmpty()) {
            return;
        }
        int tail = Math.min(4, series.size());
        double value = index < series.size() ? series.get(index)
                : series.get(series.size() - tail + (index - series.size()) % tail);
        index++;
        boolean over = value > spec.alertAbove();
        alerted |= over;
        belowStreak = over ? 0 : belowStreak + 1;
        alert.set(over);
        caption.set(scenario.label("monitorNow", "{0} now · alert above {1} · {2} serves {3}", percent(value),
                percent(spec.alertAbove()), scenario.story().target(), serving.get()));
        samples.add(new Sample(tick++, value, serving.get()));
        if (samples.size() > spec.window()) {
            samples.remove(0, samples.size() - spec.window());
        }
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    public ObservableList<Sample> samples() {
        return samples;
    }

    public ReadOnlyStringProperty servingProperty() {
        return serving.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "8.4% now · alert above 5.0% · production serves 2.0.0". */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** Whether the newest sample is above the alert line. */
    public ReadOnlyBooleanProperty alertProperty() {
        return alert.getReadOnlyProperty();
    }

    /** Whether any sample since the start crossed the alert line. */
    public boolean alerted() {
        return alerted;
    }

    /** How many samples in a row, up to the newest, stayed under the alert line. */
    public int belowStreak() {
        return belowStreak;
    }

    public double alertAbove() {
        return spec == null ? 0 : spec.alertAbove();
    }

    public String title() {
        return spec == null ? "" : spec.title();
    }
}

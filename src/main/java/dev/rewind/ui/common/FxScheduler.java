package dev.rewind.ui.common;

import java.time.Duration;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

/** Timers on the FX thread, as animation timelines. */
public final class FxScheduler implements Scheduler {
    @Override
    public Cancellable every(Duration period, Runnable action) {
        javafx.util.Duration every = javafx.util.Duration.millis(period.toMillis());
        Timeline timeline = new Timeline(new KeyFrame(every, e -> action.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
        return timeline::stop;
    }
}

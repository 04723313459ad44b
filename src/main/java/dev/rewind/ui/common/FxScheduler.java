package dev.rewind.ui.common;

import java.time.Duration;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

/** Timers on the FX thread, as animation timelines. */
public final class FxScheduler implements Scheduler {
    @Override
    public Cancellable every(Duration period, Runnable action) {
        Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()), e -> action.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
        return timeline::stop;
    }
}

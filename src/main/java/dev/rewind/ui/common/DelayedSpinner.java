package dev.rewind.ui.common;

import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * A spinner for work that may take a while: it shows once {@code busy} has been true for {@link #DELAY} (a read
 * that ends sooner never flashes one) and hides when it turns false. The progress indicator inside is made the first
 * time it shows: its skin, styles and animation were some 18 ms of the window's first frame, for two spinners that
 * a fast start hides again before anyone sees them. Its place is kept at its size meanwhile; it is visible exactly
 * while it shows, so its id finds it for a test.
 */
public final class DelayedSpinner extends StackPane {
    /**
     * How long work runs before a spinner says so: the brief's ~200 ms, past which a wait is felt. Sooner, the
     * spinner's own making (skin, styles, animation) landed in the last milliseconds of a 100,000-version model's
     * read: 10 ms more to its first paint (median of 7 probes, alternating with a delay it never reached).
     */
    public static final Duration DELAY = Duration.millis(200);
    private final PauseTransition wait = new PauseTransition(DELAY);

    public DelayedSpinner(ObservableBooleanValue busy, double size) {
        setMinSize(size, size);
        setPrefSize(size, size);
        setMaxSize(size, size);
        setMouseTransparent(true);
        setVisible(false);
        wait.setOnFinished(e -> {
            if (busy.get()) {
                show();
            }
        });
        busy.addListener((o, was, now) -> {
            if (now) {
                wait.playFromStart();
            } else {
                wait.stop();
                setVisible(false);
            }
        });
        if (busy.get()) {
            wait.playFromStart();
        }
    }

    private void show() {
        if (getChildren().isEmpty()) {
            getChildren().add(new ProgressIndicator());
        }
        setVisible(true);
    }
}

package dev.rewind.ui.common;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/** Work that waits for the window's next layout pass (what was just set is then laid out, and the frame renders). */
public final class Pulses {
    private Pulses() {
    }

    /** Runs {@code r} once, on the FX thread, after the next pulse's CSS and layout pass of {@code scene}. */
    public static void afterNextLayout(Scene scene, Runnable r) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            r.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** As {@link #afterNextLayout(Scene, Runnable)} for the scene {@code node} is in; at once when in none. */
    public static void afterNextLayout(Node node, Runnable r) {
        Scene scene = node.getScene();
        if (scene == null) {
            r.run();
        } else {
            afterNextLayout(scene, r);
        }
    }
}

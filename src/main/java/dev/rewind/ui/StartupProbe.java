package dev.rewind.ui;

import dev.rewind.domain.ModelSummary;
import dev.rewind.ui.common.StartupTrace;
import dev.rewind.ui.shell.MainViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * {@code --startup-probe}: prints {@code startup-ms N} (JVM start to the pulse that lays out the first model's
 * timeline); with {@code --model NAME} then selects that model and prints {@code model-ms M} (the selection to the
 * pulse that lays out its timeline); then exits. The bare-window benchmark stops at a pulse too, so they compare.
 */
final class StartupProbe {
    private final Scene scene;
    private final MainViewModel vm;
    private final String model;
    private long requested;

    private StartupProbe(Scene scene, MainViewModel vm, String model) {
        this.scene = scene;
        this.vm = vm;
        this.model = model;
    }

    static void attach(Scene scene, MainViewModel vm, String model) {
        StartupProbe p = new StartupProbe(scene, vm, model);
        vm.model().loadsProperty().addListener((o, was, now) -> p.loaded());
    }

    private void loaded() {
        if (requested == 0) {
            afterNextPulse(() -> {
                System.out.println("startup-ms " + StartupTrace.sinceJvmStart());
                if (model == null) {
                    Platform.exit();
                } else {
                    selectModel();
                }
            });
        } else if (requested > 0) {
            long since = requested;
            requested = -1; // later loads (a refresh) are not the one timed
            afterNextPulse(() -> {
                System.out.println("model-ms " + (System.nanoTime() - since) / 1_000_000);
                Platform.exit();
            });
        }
    }

    private void selectModel() {
        ModelSummary m = vm.models().stream().filter(x -> x.name().equals(model)).findFirst().orElse(null);
        if (m == null) {
            System.err.println("rewind: --startup-probe: no model '" + model + "' in this catalog");
            Platform.exit();
            return;
        }
        requested = System.nanoTime();
        vm.selectedModelProperty().set(null); // the model shown first may be this one: it is loaded again
        vm.selectedModelProperty().set(m);
    }

    /** Runs {@code r} once, in the next pulse, after its CSS and layout pass (the frame then renders). */
    private void afterNextPulse(Runnable r) {
        dev.rewind.ui.common.Pulses.afterNextLayout(scene, r);
    }
}

package dev.rewind.ui;

import dev.rewind.domain.ModelSummary;
import dev.rewind.ui.common.StartupTrace;
import dev.rewind.ui.shell.MainViewModel;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;

/**
 * {@code --startup-probe}: prints {@code startup-ms N} (JVM start to the pulse that lays out the first model's
 * timeline); with {@code --model NAME} then, once the window is whole and idle (menus, tabs and status bar laid out,
 * the first model's History read: a person's first click cannot come sooner), selects that model and prints
 * {@code model-ms M} (the selection to the pulse that lays out its timeline); then exits. The bare-window benchmark
 * stops at a pulse too, so they compare. With {@code -Drewind.probe.eager=true} the model is selected at the first
 * frame instead, while the window still builds its menus and reads the first History on the same cores.
 */
final class StartupProbe {
    private static final boolean EAGER = Boolean.getBoolean("rewind.probe.eager");

    private final Scene scene;
    private final MainViewModel vm;
    private final String model;
    private final Consumer<Runnable> whenChromeJoins;
    private long requested;

    private StartupProbe(Scene scene, MainViewModel vm, String model, Consumer<Runnable> whenChromeJoins) {
        this.scene = scene;
        this.vm = vm;
        this.model = model;
        this.whenChromeJoins = whenChromeJoins;
    }

    static void attach(Scene scene, MainViewModel vm, String model, Consumer<Runnable> whenChromeJoins) {
        StartupProbe p = new StartupProbe(scene, vm, model, whenChromeJoins);
        vm.model().loadsProperty().addListener((o, was, now) -> p.loaded());
    }

    private void loaded() {
        if (requested == 0) {
            afterNextPulse(() -> {
                System.out.println("startup-ms " + StartupTrace.sinceJvmStart());
                if (model == null) {
                    Platform.exit();
                } else if (EAGER) {
                    selectModel();
                } else {
                    whenChromeJoins.accept(() -> whenIdle(() -> afterNextPulse(this::selectModel)));
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
        StartupTrace.mark("probe selects " + model);
        ModelSummary shown = vm.selectedModelProperty().get();
        if (shown != null && shown.name().equals(model)) {
            vm.selectedModelProperty().set(null); // the model shown first is this one: it is loaded again
        }
        vm.selectedModelProperty().set(m);
    }

    /** Runs {@code r} once no model is being read (its History included). */
    private void whenIdle(Runnable r) {
        ReadOnlyBooleanProperty reading = vm.model().readingProperty();
        if (!reading.get()) {
            r.run();
            return;
        }
        reading.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    o.removeListener(this);
                    r.run();
                }
            }
        });
    }

    /** Runs {@code r} once, in the next pulse, after its CSS and layout pass (the frame then renders). */
    private void afterNextPulse(Runnable r) {
        dev.rewind.ui.common.Pulses.afterNextLayout(scene, r);
    }
}

package dev.rewind.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.bench.Sqlite3Shell;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.service.Services;
import dev.rewind.ui.common.CurrentThreadTaskExecutor;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.model.ModelViewModel;
import dev.rewind.ui.shell.MainView;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Pan and zoom on the huge demo's 100,000-version model, driving the real {@link VersionTimeline} in a headless stage
 * under the app's theme. Each step is the control's own zoom or pan, run on the FX thread, then the pulse that lays
 * out and paints it: a step's frame time is the FX thread's work for it (see {@link #frame}). Needs {@code -Drewind.huge=FILE}; run with
 * {@code mvn -o -Pbench test -Dtest=HugeTimelineFxBenchmark -Drewind.huge=FILE}.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class HugeTimelineFxBenchmark {
    private static final String MODEL = "recsys-ranker-xl";
    VersionTimeline timeline;
    Scene scene;

    @Start
    void start(Stage stage) {
        MainView.applyTheme(false);
        timeline = new VersionTimeline();
        scene = new Scene(new StackPane(timeline), 1400, 420);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void panAndZoomFrames() throws Exception {
        Path db = Path.of(System.getProperty("rewind.huge", "target/huge-demo.db"));
        try (SqliteCatalog c = SqliteCatalog.open(db, false)) {
            Services s = new Services(c, new Actor("bench", "h"), Clock.systemUTC());
            ModelViewModel vm = new ModelViewModel(new CurrentThreadTaskExecutor(), new RecordingDialogs(), () -> s,
                    Clock.systemUTC());
            vm.load(MODEL);
            TimelineData data = vm.timelineProperty().get();
            assertThat(data.versions()).as("versions of " + MODEL).hasSizeGreaterThan(10_000);
            double shownMs = frame(() -> timeline.setData(data));
            assertThat(timeline.lastLayout().marks()).as("marks drawn at fit").isNotEmpty();
            System.out.printf("set-data-and-first-paint-ms %.1f (load average %s)%n", shownMs, Sqlite3Shell.load());
            for (int warm = 0; warm < 2; warm++) {
                steps(); // the JIT's turn; then the measured rounds
            }
            List<Double> ms = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                ms.addAll(steps());
            }
            double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("pan-zoom-frame-ms (layout+paint on the FX thread) p50 %.2f p95 %.2f max %.2f "
                    + "(%d steps, 1400 px, load average %s)%n", a[a.length / 2], a[(int) (a.length * 0.95)],
                    a[a.length - 1], a.length, Sqlite3Shell.load());
            assertThat(timeline.lastLayout().lanes()).as("lanes drawn").isNotEmpty();
        }
    }

    /** Zoom in 20% a step towards the right third, pan left 10% a step, zoom back out: 120 steps from fit. */
    private List<Double> steps() throws Exception {
        frame(timeline::zoomToFit);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ms.add(frame(() -> timeline.zoom(0.8, 0.66)));
        }
        for (int i = 0; i < 40; i++) {
            ms.add(frame(() -> timeline.pan(-0.1)));
        }
        for (int i = 0; i < 40; i++) {
            ms.add(frame(() -> timeline.zoom(1.25, 0.5)));
        }
        return ms;
    }

    /**
     * Runs {@code step} on the FX thread, then the next pulse: the FX thread's work for the frame is the step itself
     * plus that pulse's CSS and layout passes (where the skin lays out and paints the canvas), without the wait for
     * the pulse, which the toolkit paces at 60 Hz.
     */
    private double frame(Runnable step) throws Exception {
        CompletableFuture<Double> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            step.run();
            double stepMs = (System.nanoTime() - t0) / 1e6;
            long[] pulseStart = new long[1];
            Runnable[] listeners = new Runnable[2];
            listeners[0] = () -> pulseStart[0] = System.nanoTime();
            listeners[1] = () -> {
                scene.removePreLayoutPulseListener(listeners[0]);
                scene.removePostLayoutPulseListener(listeners[1]);
                done.complete(stepMs + (System.nanoTime() - pulseStart[0]) / 1e6);
            };
            scene.addPreLayoutPulseListener(listeners[0]);
            scene.addPostLayoutPulseListener(listeners[1]);
            Platform.requestNextPulse();
        });
        return done.get(60, TimeUnit.SECONDS);
    }
}

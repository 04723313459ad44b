package dev.rewind.bench;

import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.ModelSummary;
import dev.rewind.service.DemoService;
import dev.rewind.service.OpenMode;
import dev.rewind.service.Services;
import dev.rewind.ui.RewindApp;
import dev.rewind.ui.actions.FxDialogService;
import dev.rewind.ui.common.FxScheduler;
import dev.rewind.ui.common.FxTaskExecutor;
import dev.rewind.ui.shell.MainView;
import dev.rewind.ui.shell.MainViewModel;
import dev.rewind.ui.timeline.VersionTimeline;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Figures for issue 4 on the large demo: time to show the 20,000-version model, and frame times while the
 * timeline pans continuously. Run with {@code mvn test -Pbench -Dtest=WindowBenchmark}; prints, never asserts.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class WindowBenchmark {
    @TempDir
    static Path dir;
    MainViewModel vm;
    MainView view;

    @Start
    void start(Stage stage) {
        Path db = dir.resolve("large.db");
        try (var c = SqliteCatalog.open(db, true)) {
            new Services(c, new Actor("bench", "h"), Clock.systemUTC()).demo().create(DemoService.Scale.LARGE, 42);
        }
        MainView.applyTheme(false);
        vm = new MainViewModel(new FxTaskExecutor(), new FxDialogService(() -> stage), new FxScheduler(),
                Clock.systemUTC(), RewindApp::open);
        view = new MainView(vm);
        stage.setScene(RewindApp.scene(view));
        stage.show();
        vm.open(db, OpenMode.EXISTING);
    }

    @Test
    void showTheBiggestModelAndPanIt() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.models().size() == 1000);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.model().loadsProperty().get() >= 1);
        ModelSummary xl = vm.models().stream().filter(m -> m.name().equals("recsys-ranker-xl")).findFirst().orElseThrow();
        int loadsBefore = vm.model().loadsProperty().get();
        long t0 = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> vm.selectedModelProperty().set(xl));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.model().loadsProperty().get() > loadsBefore);
        WaitForAsyncUtils.waitForFxEvents();
        System.out.printf("show-20000-version-model-ms %d%n", (System.nanoTime() - t0) / 1_000_000);

        VersionTimeline timeline = view.modelPane().timeline();
        List<Long> frames = new ArrayList<>();
        List<Long> panCost = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.zoom(0.05, 0.5); // zoomed in enough that labels and lanes have detail to draw
            new AnimationTimer() {
                long last;
                int n;

                @Override
                public void handle(long now) {
                    if (last != 0) {
                        frames.add(now - last);
                    }
                    last = now;
                    long p0 = System.nanoTime();
                    timeline.pan(n % 240 < 120 ? 0.01 : -0.01);
                    panCost.add(System.nanoTime() - p0);
                    if (++n == 480) {
                        stop();
                        done.countDown();
                    }
                }
            }.start();
        });
        done.await(120, TimeUnit.SECONDS);
        frames.sort(null);
        panCost.sort(null);
        System.out.printf("pan-frame-interval-ms median=%.1f p95=%.1f max=%.1f (n=%d)%n", frames.get(frames.size() / 2) / 1e6,
                frames.get((int) (frames.size() * 0.95)) / 1e6, frames.get(frames.size() - 1) / 1e6, frames.size());
        System.out.printf("pan-repaint-on-fx-thread-ms median=%.2f p95=%.2f max=%.2f%n", panCost.get(panCost.size() / 2) / 1e6,
                panCost.get((int) (panCost.size() * 0.95)) / 1e6, panCost.get(panCost.size() - 1) / 1e6);
        WaitForAsyncUtils.asyncFx(() -> vm.close());
    }
}

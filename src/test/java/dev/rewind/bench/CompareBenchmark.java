package dev.rewind.bench;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.MetricValue;
import dev.rewind.service.OpenMode;
import dev.rewind.service.RegisterRequest;
import dev.rewind.service.Services;
import dev.rewind.support.CliRun;
import dev.rewind.ui.RewindApp;
import dev.rewind.ui.actions.FxDialogService;
import dev.rewind.ui.common.FxScheduler;
import dev.rewind.ui.common.FxTaskExecutor;
import dev.rewind.ui.shell.MainView;
import dev.rewind.ui.shell.MainViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Figures for issue 5: {@code mvn test -Pbench -Dtest=CompareBenchmark}. Prints, never asserts on time. */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class CompareBenchmark {
    @TempDir
    static Path dir;
    Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
    }

    @Test
    void compareTenVersionsOfTwoHundredMetrics() {
        Path db = dir.resolve("wide.db");
        Random rnd = new Random(5);
        try (Catalog c = SqliteCatalog.open(db, true)) {
            Services s = new Services(c, new Actor("bench", "h"), Clock.systemUTC());
            for (int v = 0; v < 10; v++) {
                List<MetricValue> ms = new ArrayList<>();
                for (int k = 0; k < 200; k++) {
                    ms.add(MetricValue.summary("metric_" + k, rnd.nextDouble()));
                }
                s.registry().register(new RegisterRequest("wide", "v" + v, null, ms, null, null, null, null, null));
            }
        }
        CliRun cli = new CliRun(db);
        String[] args = {"compare", "wide", "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "--json"};
        long[] ms = new long[9];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            cli.run(args);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        long first = ms[0];
        Arrays.sort(ms);
        System.out.printf("compare-10x200-ms first=%d median=%d min=%d (in-process CLI incl. opening the catalog and JSON)%n",
                first, ms[ms.length / 2], ms[0]);
    }

    @Test
    void drawTheAcrossVersionsChartFor5000Versions() throws Exception {
        Path db = dir.resolve("long.db");
        Random rnd = new Random(6);
        try (Catalog c = SqliteCatalog.open(db, true)) {
            Services s = new Services(c, new Actor("bench", "h"), Clock.systemUTC());
            double auc = 0.7;
            double loss = 0.5;
            for (int v = 0; v < 5000; v++) {
                auc += rnd.nextGaussian() * 0.002;
                loss += rnd.nextGaussian() * 0.002;
                s.registry().register(new RegisterRequest("long", "v" + v, null, List.of(MetricValue.summary("auc", auc),
                        MetricValue.summary("loss", loss)), null, null, null, null, null));
            }
        }
        MainViewModel[] vm = new MainViewModel[1];
        WaitForAsyncUtils.asyncFx(() -> {
            MainView.applyTheme(false);
            vm[0] = new MainViewModel(new FxTaskExecutor(), new FxDialogService(() -> stage), new FxScheduler(),
                Clock.systemUTC(), RewindApp::open);
            MainView view = new MainView(vm[0]);
            stage.setScene(RewindApp.scene(view));
            stage.show();
            view.modelPane().select(dev.rewind.ui.model.ModelTab.COMPARE);
            vm[0].open(db, OpenMode.EXISTING);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm[0] != null && vm[0].compare().comparisonProperty().get() != null
                && vm[0].model().timelineProperty().get().versions().size() == 5000);
        WaitForAsyncUtils.waitForFxEvents();
        long[] ms = new long[8];
        for (int i = 0; i < ms.length; i++) {
            String key = i % 2 == 0 ? "loss" : "auc";
            CountDownLatch painted = new CountDownLatch(1);
            long[] t = new long[2];
            WaitForAsyncUtils.asyncFx(() -> {
                t[0] = System.nanoTime();
                vm[0].compare().chartMetricProperty().set(key); // redraws the chart from all 5,000 versions
                Runnable after = new Runnable() {
                    @Override
                    public void run() {
                        t[1] = System.nanoTime();
                        stage.getScene().removePostLayoutPulseListener(this);
                        painted.countDown();
                    }
                };
                stage.getScene().addPostLayoutPulseListener(after);
                Platform.requestNextPulse();
            });
            painted.await(30, TimeUnit.SECONDS);
            ms[i] = (t[1] - t[0]) / 1_000_000;
        }
        long first = ms[0];
        Arrays.sort(ms);
        System.out.printf("across-chart-5000-versions-ms first=%d median=%d max=%d (redraw + layout pulse)%n",
                first, ms[ms.length / 2], ms[ms.length - 1]);
        WaitForAsyncUtils.asyncFx(() -> vm[0].close());
    }
}

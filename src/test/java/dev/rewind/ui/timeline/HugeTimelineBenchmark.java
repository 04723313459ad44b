package dev.rewind.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.service.DemoService;
import dev.rewind.service.Services;
import dev.rewind.ui.common.CurrentThreadTaskExecutor;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.model.ModelViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Figures for issue 14 on the huge demo's 100,000-version model, without a window: model-ms (the load a selection
 * requests, through the view-model, until the layout is computed) and the layout time of pan and zoom steps. Uses
 * {@code -Drewind.huge=FILE} if given (e.g. made by {@code rewind demo --scale huge}), else writes
 * target/huge-demo.db once (minutes). Run with {@code mvn -o -Pbench test -Dtest=HugeTimelineBenchmark}.
 */
@Tag("benchmark")
class HugeTimelineBenchmark {
    private static final String MODEL = "recsys-ranker-xl";

    @Test
    void hugeModel() throws Exception {
        Path db = Path.of(System.getProperty("rewind.huge", "target/huge-demo.db"));
        if (!Files.exists(db)) {
            long t0 = System.nanoTime();
            try (SqliteCatalog c = SqliteCatalog.open(db, true)) {
                new Services(c, new Actor("bench", "h"), Clock.systemUTC()).demo().create(DemoService.Scale.HUGE, 42);
            }
            System.out.printf("huge-demo-seconds %.1f%n", (System.nanoTime() - t0) / 1e9);
        }
        try (SqliteCatalog c = SqliteCatalog.open(db, false)) {
            Services s = new Services(c, new Actor("bench", "h"), Clock.systemUTC());
            TimelineLayouter layouter = new TimelineLayouter(t -> t.length() * 7.0, t -> t.length() * 7.5,
                    ZoneId.systemDefault());
            double[] modelMs = new double[5];
            TimelineData data = null;
            for (int i = 0; i < modelMs.length; i++) {
                ModelViewModel vm = new ModelViewModel(new CurrentThreadTaskExecutor(), new RecordingDialogs(),
                        () -> s, Clock.systemUTC());
                long t0 = System.nanoTime();
                vm.load(MODEL);
                data = vm.timelineProperty().get();
                layouter.layout(data, List.of(), fit(data, 1400), TimelineGeometry.DEFAULT);
                modelMs[i] = (System.nanoTime() - t0) / 1e6;
            }
            // the figures only mean something if the giant model was really loaded and drawn
            assertThat(data.versions()).as("versions of " + MODEL).hasSizeGreaterThan(10_000);
            assertThat(layouter.layout(data, List.of(), fit(data, 1400), TimelineGeometry.DEFAULT).marks())
                    .as("marks drawn at fit").isNotEmpty();
            System.out.printf("versions %d%n", data.versions().size());
            System.out.printf("model-ms first %.0f, median of %d %.0f%n", modelMs[0], modelMs.length, median(modelMs));
            phases(s);
            panZoom(layouter, data);
        }
    }

    /** What the load is made of, each alone: the light rows, and an SQL bucket count of the whole range. */
    private static void phases(Services s) {
        double[] rows = new double[5];
        double[] buckets = new double[5];
        double[] history = new double[5];
        for (int i = 0; i < rows.length; i++) {
            long t0 = System.nanoTime();
            var r = s.registry().timelineRows(MODEL);
            long t1 = System.nanoTime();
            s.registry().timelineBuckets(MODEL, r.get(0).createdAt().toEpochMilli(),
                    r.get(r.size() - 1).createdAt().toEpochMilli() + 1, 60);
            long t2 = System.nanoTime();
            s.history().history(MODEL, null);
            long t3 = System.nanoTime();
            rows[i] = (t1 - t0) / 1e6;
            buckets[i] = (t2 - t1) / 1e6;
            history[i] = (t3 - t2) / 1e6;
        }
        System.out.printf("light-rows-ms median %.0f; sql-buckets-ms (60 buckets) median %.0f; history-ms median %.0f%n",
                median(rows), median(buckets), median(history));
    }

    private static void panZoom(TimelineLayouter layouter, TimelineData d) {
        TimelineLayouter.Viewport v = fit(d, 1400);
        List<Double> ms = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            double start = v.start();
            double end = v.end();
            for (int step = 0; step < 40; step++) { // zoom in 20% a step towards the right third
                double anchor = start + (end - start) * 0.66;
                start = anchor - (anchor - start) * 0.8;
                end = anchor + (end - anchor) * 0.8;
                ms.add(time(layouter, d, start, end));
            }
            for (int step = 0; step < 40; step++) { // pan left 10% a step
                double shift = (end - start) * 0.1;
                start -= shift;
                end -= shift;
                ms.add(time(layouter, d, start, end));
            }
            for (int step = 0; step < 40; step++) { // zoom back out
                double anchor = (start + end) / 2;
                start = anchor - (anchor - start) * 1.25;
                end = anchor + (end - anchor) * 1.25;
                ms.add(time(layouter, d, start, end));
            }
        }
        double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("pan-zoom-layout-ms p50 %.2f p95 %.2f max %.2f (%d steps, 1400 px)%n", a[a.length / 2],
                a[(int) (a.length * 0.95)], a[a.length - 1], a.length);
    }

    private static double time(TimelineLayouter layouter, TimelineData d, double start, double end) {
        long t0 = System.nanoTime();
        layouter.layout(d, List.of(), new TimelineLayouter.Viewport(start, end, 1400, 400), TimelineGeometry.DEFAULT);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static TimelineLayouter.Viewport fit(TimelineData d, double width) {
        double first = d.versions().get(0).createdAt().toEpochMilli();
        double last = d.now().toEpochMilli();
        double pad = (last - first) * 0.03;
        return new TimelineLayouter.Viewport(first - pad, last + pad, width, 400);
    }

    private static double median(double[] xs) {
        double[] a = xs.clone();
        Arrays.sort(a);
        return a[a.length / 2];
    }
}

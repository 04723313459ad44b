package dev.rewind.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.bench.Sqlite3Shell;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.service.DemoService;
import dev.rewind.service.Services;
import dev.rewind.ui.common.QueuedTaskExecutor;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.model.ModelViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Figures for issue 14 on the huge demo's 100,000-version model, without a window: model-ms (the load a selection
 * requests, through the view-model, until the layout is computed) next to the sqlite3 shell running the same
 * statements on the same file ({@link Sqlite3Shell}), what the load is made of, and the layout time of pan and zoom
 * steps (the FX-thread frame time, paint included, is {@code HugeTimelineFxBenchmark}'s). Uses
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
            double[] historyMs = new double[5];
            TimelineData data = null;
            ModelViewModel vm = null;
            // a task's parts run on a thread of their own, as the window's executor runs them
            java.util.concurrent.ExecutorService parts = java.util.concurrent.Executors.newCachedThreadPool();
            for (int i = 0; i < modelMs.length; i++) {
                QueuedTaskExecutor tasks = new QueuedTaskExecutor(parts);
                vm = new ModelViewModel(tasks, new RecordingDialogs(), () -> s, Clock.systemUTC());
                // the History read before (~900 ms, hundreds of MB) leaves garbage whose collection (30-140 ms
                // pauses, -Xlog:gc) otherwise lands in this load or not by chance: collected here, untimed
                System.gc();
                long t0 = System.nanoTime();
                vm.load(MODEL);
                tasks.runOldest(); // what the first paint waits for; the History's events come in a second task
                data = vm.timelineProperty().get();
                layouter.layout(data, List.of(), fit(data, 1400), TimelineGeometry.DEFAULT);
                modelMs[i] = (System.nanoTime() - t0) / 1e6;
                long t1 = System.nanoTime();
                tasks.runAll();
                historyMs[i] = (System.nanoTime() - t1) / 1e6;
            }
            parts.shutdown();
            // the figures only mean something if the giant model was really loaded and drawn
            assertThat(data.versions()).as("versions of " + MODEL).hasSizeGreaterThan(10_000);
            assertThat(data.lanes()).as("lanes of " + MODEL).isNotEmpty()
                    .allSatisfy(l -> assertThat(l.segments()).isNotEmpty());
            assertThat(vm.events()).as("the history, read after the first paint").hasSizeGreaterThan(10_000);
            assertThat(layouter.layout(data, List.of(), fit(data, 1400), TimelineGeometry.DEFAULT).marks())
                    .as("marks drawn at fit").isNotEmpty();
            System.out.printf("versions %d; lane segments %d%n", data.versions().size(),
                    data.lanes().stream().mapToInt(l -> l.segments().size()).sum());
            System.out.printf("model-ms first %.0f, median of %d %.0f; history after the first paint, median %.0f ms "
                    + "(load average %s)%n", modelMs[0], modelMs.length, median(modelMs), median(historyMs),
                    Sqlite3Shell.load());
            double m = median(modelMs);
            double plain = Sqlite3Shell.medianMs(db, MODEL, 5, false);
            double packed = Sqlite3Shell.medianMs(db, MODEL, 5, true);
            System.out.printf("model-ms %.0f; sqlite3-ms %.0f (plain statements), %.0f (the window's packed ones); "
                    + "ratio M/S %.2f against the plain (load average %s)%n", m, plain, packed, m / plain,
                    Sqlite3Shell.load());
            phases(s);
            panZoom(layouter, data);
        }
    }

    /** What the load is made of, each alone, median of 5. */
    private static void phases(Services s) {
        var rows = s.registry().timelineRows(MODEL);
        Map<Long, String> labels = new java.util.HashMap<>();
        rows.forEach(r -> labels.put(r.id(), r.label()));
        Map<String, double[]> ms = new LinkedHashMap<>();
        List<Map.Entry<String, Runnable>> parts = List.of(
                Map.entry("light-rows", () -> s.registry().timelineRows(MODEL)),
                // named from the rows read, as the window names them
                Map.entry("lanes", () -> s.history().lanes(MODEL, () -> id -> labels.get(id))),
                Map.entry("targets+rollback-suggestions", () -> s.deployments().targets(MODEL).forEach(
                        t -> s.deployments().rollbackSuggestion(MODEL, t.name()))),
                Map.entry("directions+tag-keys", () -> {
                    s.registry().directions();
                    s.registry().tagKeys();
                }),
                Map.entry("initial-version-details", () -> s.registry().byIds(List.of(rows.get(0).id()))),
                Map.entry("history(after paint)", () -> s.history().history(MODEL, null)),
                Map.entry("proofs(after paint)", () -> s.history().proofs(MODEL)),
                Map.entry("sql-buckets(60)", () -> s.registry().timelineBuckets(MODEL,
                        rows.get(0).createdAt().toEpochMilli(), rows.get(rows.size() - 1).createdAt().toEpochMilli() + 1,
                        60)));
        for (var part : parts) {
            double[] a = new double[5];
            for (int i = 0; i < a.length; i++) {
                long t0 = System.nanoTime();
                part.getValue().run();
                a[i] = (System.nanoTime() - t0) / 1e6;
            }
            ms.put(part.getKey(), a);
        }
        StringBuilder line = new StringBuilder("phases-ms median:");
        ms.forEach((k, a) -> line.append(String.format(" %s %.0f;", k, median(a))));
        System.out.println(line + " (load average " + Sqlite3Shell.load() + ")");
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

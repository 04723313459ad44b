package dev.rewind.service;

import dev.rewind.catalog.BulkLoad;
import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.CatalogTx;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.NewVersion;
import dev.rewind.domain.Artifact;
import dev.rewind.domain.EventKind;
import java.time.Instant;
import java.util.Random;

/**
 * The huge demo, generated and written model by model rather than planned in memory: a million versions and ten
 * million metric points would not fit a plan. Each model draws from its own {@code Random(seed, model)}, so the
 * rows depend on the seed and the size only. Written in transactions of about {@link #CHUNK} versions.
 */
final class HugeDemo {
    static final int CHUNK = 25_000;
    private static final String[] PEOPLE = {"ana", "bruno", "chen", "dara", "emeka", "farah"};
    private static final String[] HOSTS = {"ml-train-01", "ml-train-02", "ana-laptop", "ci-runner-3"};
    private static final String[] KEYS = {"auc", "accuracy", "precision", "recall", "log_loss", "latency_ms"};
    static final String GIANT = "recsys-ranker-xl";

    /**
     * How big: {@code giant} versions in the one long model, {@code others} spread over {@code models - 1} more;
     * every {@code curveEvery}-th version also logs a {@code curveSteps}-step training curve.
     */
    record Size(int models, int giant, int others, int curveEvery, int curveSteps) {
        static final Size HUGE = new Size(1_000, 100_000, 900_000, 10, 40);
    }

    private final Catalog catalog;
    private final Instant now;
    private final long seed;
    private final Size size;
    private final DemoService.Progress progress;
    private long written;
    private long metricPoints;

    HugeDemo(Catalog catalog, Instant now, long seed, Size size, DemoService.Progress progress) {
        this.catalog = catalog;
        this.now = now;
        this.seed = seed;
        this.size = size;
        this.progress = progress;
    }

    DemoService.Summary write() {
        int remaining = size.others();
        for (int m = 0; m < size.models(); m++) {
            int count = m == 0 ? size.giant() : remaining / (size.models() - m);
            if (m > 0) {
                remaining -= count;
            }
            new ModelWriter(m == 0 ? GIANT : String.format("model-%04d", m), m, count).write();
        }
        return new DemoService.Summary(size.models(), (int) written, metricPoints);
    }

    /** One model: its targets, then its versions in chunks, each chunk one transaction. */
    private final class ModelWriter {
        private final String name;
        private final int count;
        private final boolean giant;
        private final Random rnd;
        private final double[] value = new double[KEYS.length];
        private final String[] targets;
        private final long[] targetIds;
        private final Long[] live;
        private final Long[] previous;
        private long modelId;
        private int productionMoves;

        ModelWriter(String name, int index, int count) {
            this.name = name;
            this.count = count;
            this.giant = index == 0;
            this.rnd = new Random(seed * 1_000_003L + index);
            this.targets = giant ? new String[] {"production", "canary", "staging"} : new String[] {"production"};
            this.targetIds = new long[targets.length];
            this.live = new Long[targets.length];
            this.previous = new Long[targets.length];
            for (int k = 0; k < KEYS.length; k++) {
                value[k] = 0.5 + rnd.nextDouble() * 0.4;
            }
        }

        void write() {
            for (int from = 0; from < count; from += CHUNK) {
                int start = from;
                catalog.write(tx -> {
                    if (start == 0) {
                        addModel(tx);
                    }
                    try (BulkLoad bulk = tx.bulk()) {
                        for (int i = start; i < Math.min(count, start + CHUNK); i++) {
                            version(tx, bulk, i);
                        }
                    }
                    return null;
                });
                written += Math.min(count, start + CHUNK) - start;
                progress.written(written, (long) size.giant() + size.others());
            }
        }

        private void addModel(CatalogTx tx) {
            Instant at = at(-1);
            modelId = tx.models().insert(name, at);
            for (int t = 0; t < targets.length; t++) {
                targetIds[t] = tx.targets().insert(modelId, targets[t], null);
                boolean prod = t == 0;
                if (prod) {
                    tx.targets().setProtected(targetIds[t], true);
                }
                tx.events().append(EventRecord.draft(at.toEpochMilli(), EventKind.TARGET, modelId, targetIds[t],
                        null, null, null, null, null, prod ? "protected" : null, "ana", "ana-laptop"));
            }
        }

        private void version(CatalogTx tx, BulkLoad bulk, int i) {
            Instant at = at(i);
            String label = (i / 1000) + "." + (i / 10 % 100) + "." + (i % 10);
            String author = PEOPLE[rnd.nextInt(PEOPLE.length)];
            String host = HOSTS[rnd.nextInt(HOSTS.length)];
            long id = bulk.version(new NewVersion(modelId, label, i + 1L, at, author, "Scheduled retrain #" + (i + 1),
                    artifact(label), "run-" + Long.toHexString(rnd.nextLong() & 0xffffffffL), null));
            for (int k = 0; k < KEYS.length; k++) {
                value[k] += rnd.nextGaussian() * 0.003;
                bulk.metric(id, KEYS[k], Math.round(value[k] * 1e5) / 1e5, null);
            }
            metricPoints += KEYS.length;
            if (i % size.curveEvery() == 0) {
                double end = Math.max(0.05, 1 - value[0]);
                for (int s = 1; s <= size.curveSteps(); s++) {
                    double x = (double) s / size.curveSteps();
                    bulk.metric(id, "train_loss", end + (1.2 - end) * Math.exp(-4 * x) + rnd.nextGaussian() * 0.004,
                            (long) s);
                }
                metricPoints += size.curveSteps();
            }
            bulk.param(id, "learning_rate", Double.toString(Math.round((0.01 + rnd.nextDouble() * 0.05) * 1e4) / 1e4));
            // the register event signs a digest of the version's facts read back from the catalog: they must be in it
            bulk.flush();
            tx.events().append(EventRecord.draft(at.toEpochMilli(), EventKind.REGISTER, modelId, null, id, null, null,
                    null, null, "Scheduled retrain #" + (i + 1), author, host));
            boolean failed = i % 97 == 13;
            if (failed) {
                tag(tx, bulk, id, "failed", at.plusSeconds(7_200), "Regressed on live traffic");
            } else if (i % 53 == 7) {
                tag(tx, bulk, id, "stable", at.plusSeconds(86_400), "Passed a week of shadow traffic");
            }
            moves(tx, i, id, at, failed);
        }

        /** The giant model moves staging every other version, canary every fifth, production every 25th. */
        private void moves(CatalogTx tx, int i, long id, Instant at, boolean failed) {
            int[] every = giant ? new int[] {25, 5, 2} : new int[] {10};
            for (int t = 0; t < targets.length; t++) {
                if (i % every[t] != 0 && i != count - 1) {
                    continue;
                }
                move(tx, t, id, at.plusSeconds(600L * (t + 1)), EventKind.DEPLOY, "scheduled promotion");
                if (t == 0 && (failed || ++productionMoves % 9 == 0) && previous[t] != null) {
                    move(tx, t, previous[t], at.plusSeconds(5_400), EventKind.ROLLBACK,
                            "Alert: live metric dropped; rolling back");
                }
            }
        }

        private void move(CatalogTx tx, int t, long to, Instant at, EventKind kind, String reason) {
            tx.events().append(EventRecord.draft(at.toEpochMilli(), kind, modelId, targetIds[t], null, live[t], to,
                    null, null, reason, PEOPLE[rnd.nextInt(PEOPLE.length)], "ci-runner-3"));
            tx.targets().point(targetIds[t], to);
            if (kind == EventKind.DEPLOY) {
                previous[t] = live[t];
            }
            live[t] = to;
        }

        private void tag(CatalogTx tx, BulkLoad bulk, long id, String key, Instant at, String reason) {
            bulk.tag(id, key, null);
            tx.events().append(EventRecord.draft(at.toEpochMilli(), EventKind.TAG, modelId, null, id, null, null,
                    key, null, reason, PEOPLE[rnd.nextInt(PEOPLE.length)], "ana-laptop"));
        }

        /** Two years of history, oldest first; version {@code -1} is when the model and its targets appeared. */
        private Instant at(int i) {
            return DemoService.daysBefore(now, 730.0 * (count - i) / Math.max(1, count));
        }

        private Artifact artifact(String label) {
            String uri = "s3://rewind-demo/" + name + "/" + label + "/model.bin";
            String hex = Integer.toHexString(uri.hashCode());
            // a stand-in digest (the bytes are not stored): cheap to make a million of, fixed per version
            return new Artifact(uri, "0".repeat(64 - hex.length()) + hex, 1_000_000L + (uri.hashCode() & 0xff) * 10_000L);
        }
    }
}

package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.CatalogTx;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.NewVersion;
import dev.rewind.domain.Artifact;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.MetricValue;
import dev.rewind.domain.RewindException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fills an empty catalog with believable models. The small demo tells the rollback story (fraud-detector 2.0.0
 * is better offline but worse live); the large one is sized for benchmarks: 1,000 models, 100,000 versions and
 * 2,000,000 metric rows, one model with 20,000 versions; the huge one ({@link HugeDemo}) has 1,000,000 versions
 * and 10,000,000 metric points, one model with 100,000 versions. All are deterministic for a seed.
 */
public final class DemoService {
    public enum Scale { SMALL, LARGE, HUGE }

    public record Summary(int models, int versions, long metricValues) {
    }

    private final Catalog catalog;
    private final Clock clock;

    public DemoService(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    public Summary create(Scale scale, long seed) {
        return create(scale, seed, (done, total) -> { });
    }

    /** As {@link #create(Scale, long)}, telling {@code progress} how many versions are written (huge only). */
    public Summary create(Scale scale, long seed, Progress progress) {
        refuseNonEmpty();
        if (scale == Scale.HUGE) {
            return createHuge(seed, HugeDemo.Size.HUGE, progress);
        }
        DemoPlan plan = scale == Scale.SMALL ? DemoPlan.small(clock.instant(), seed)
                : DemoPlan.large(clock.instant(), seed);
        return apply(plan, scale == Scale.SMALL);
    }

    /** Told how many versions are written so far, of how many. */
    @FunctionalInterface
    public interface Progress {
        void written(long versions, long total);
    }

    Summary createHuge(long seed, HugeDemo.Size size, Progress progress) {
        refuseNonEmpty();
        return new HugeDemo(catalog, clock.instant(), seed, size, progress).write();
    }

    private void refuseNonEmpty() {
        boolean empty = catalog.read(tx -> tx.models().list().isEmpty());
        if (!empty) {
            throw RewindException.refused("catalog " + catalog.location()
                    + " already has models; the demo needs a new catalog (use --catalog NEW.db)");
        }
    }

    Summary apply(DemoPlan plan, boolean storeArtifacts) {
        Map<String, Artifact> artifacts = new HashMap<>();
        if (storeArtifacts) {
            for (DemoPlan.Step s : plan.steps()) {
                if (s instanceof DemoPlan.Register r) {
                    artifacts.put(r.model() + "\0" + r.label(), storeBytes(r.artifactBytes()));
                }
            }
        }
        Summary summary = catalog.write(tx -> {
            Writer w = new Writer(tx);
            long metrics = 0;
            int versions = 0;
            for (DemoPlan.Step s : plan.steps()) {
                if (s instanceof DemoPlan.Register r) {
                    Artifact a = storeArtifacts ? artifacts.get(r.model() + "\0" + r.label()) : referenced(r);
                    w.register(r, a);
                    metrics += r.metrics().size();
                    versions++;
                } else if (s instanceof DemoPlan.Tag t) {
                    w.tag(t);
                } else if (s instanceof DemoPlan.AddTarget t) {
                    w.addTarget(t, t.serving() ? servingDir(t) : null);
                } else if (s instanceof DemoPlan.Move m) {
                    w.move(m);
                }
            }
            return new Summary(w.modelIds.size(), versions, metrics);
        });
        new ServingSync(catalog).syncAll();
        return summary;
    }

    private String servingDir(DemoPlan.AddTarget t) {
        return catalog.location().resolveSibling("serving").resolve(t.model()).resolve(t.target()).toString();
    }

    /** Writes plan steps with their own (past) times, as the services would have when they happened. */
    private static final class Writer {
        private final CatalogTx tx;
        private final Map<String, Long> modelIds = new HashMap<>();
        private final Map<String, Long> versionIds = new HashMap<>();
        private final Map<Long, Long> nextSeq = new HashMap<>();

        Writer(CatalogTx tx) {
            this.tx = tx;
        }

        void register(DemoPlan.Register r, Artifact artifact) {
            long modelId = modelIds.computeIfAbsent(r.model(), m -> tx.models().insert(m, r.at()));
            Long parent = r.parent() == null ? null : versionIds.get(r.model() + "\0" + r.parent());
            long seq = nextSeq.merge(modelId, 1L, Long::sum);
            long id = tx.versions().insert(new NewVersion(modelId, r.label(), seq, r.at(), r.author(),
                    r.description(), artifact, r.sourceRun(), parent));
            versionIds.put(r.model() + "\0" + r.label(), id);
            tx.versions().addMetrics(id, r.metrics());
            tx.versions().addParams(id, r.params());
            tx.events().append(EventRecord.draft(r.at().toEpochMilli(), EventKind.REGISTER, modelId, null, id, null,
                    null, null, null, r.description(), r.author(), r.host()));
        }

        private final Map<String, Long> targetIds = new HashMap<>();
        private final Map<String, Long> live = new HashMap<>();

        void addTarget(DemoPlan.AddTarget t, String servingDir) {
            long modelId = modelIds.computeIfAbsent(t.model(), m -> tx.models().insert(m, t.at()));
            long id = tx.targets().insert(modelId, t.target(), servingDir);
            targetIds.put(t.model() + "\0" + t.target(), id);
            if (t.protectedTarget()) {
                tx.targets().setProtected(id, true);
            }
            String note = (servingDir == null ? "" : "serving dir " + servingDir)
                    + (t.protectedTarget() ? (servingDir == null ? "" : "; ") + "protected" : "");
            tx.events().append(EventRecord.draft(t.at().toEpochMilli(), EventKind.TARGET, modelId, id, null, null,
                    null, null, null, note.isEmpty() ? null : note, t.author(), t.host()));
        }

        void move(DemoPlan.Move m) {
            String key = m.model() + "\0" + m.target();
            long targetId = targetIds.get(key);
            long to = versionIds.get(m.model() + "\0" + m.label());
            Long from = live.get(key);
            tx.events().append(EventRecord.draft(m.at().toEpochMilli(), m.rollback() ? EventKind.ROLLBACK
                    : EventKind.DEPLOY, modelIds.get(m.model()), targetId, null, from, to, null, null, m.reason(),
                    m.author(), m.host()));
            tx.targets().point(targetId, to);
            live.put(key, to);
        }

        void tag(DemoPlan.Tag t) {
            long id = versionIds.get(t.model() + "\0" + t.label());
            tx.versions().putTag(id, t.key(), t.value());
            tx.events().append(EventRecord.draft(t.at().toEpochMilli(), EventKind.TAG, modelIds.get(t.model()), null,
                    id, null, null, t.key(), t.value(), t.reason(), t.author(), t.host()));
        }
    }

    private Artifact storeBytes(byte[] bytes) {
        try {
            Path tmp = Files.createTempFile("rewind-demo-", ".bin");
            try {
                Files.write(tmp, bytes);
                return catalog.artifacts().store(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The large demo references artifacts in a remote bucket rather than writing 100,000 files. */
    private static Artifact referenced(DemoPlan.Register r) {
        String uri = "s3://rewind-demo/" + r.model() + "/" + r.label() + "/model.bin";
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(uri.getBytes(StandardCharsets.UTF_8));
            return new Artifact(uri, HexFormat.of().formatHex(sha), 1_000_000L + (sha[0] & 0xff) * 10_000L);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<MetricValue> curve(String key, Random rnd, double start, double end, int steps) {
        List<MetricValue> out = new ArrayList<>(steps);
        for (int s = 1; s <= steps; s++) {
            double t = (double) s / steps;
            double v = end + (start - end) * Math.exp(-4 * t) + rnd.nextGaussian() * 0.004;
            out.add(new MetricValue(key, v, (long) s, ""));
        }
        return out;
    }

    static Instant daysBefore(Instant now, double days) {
        return now.minus(Duration.ofMinutes((long) (days * 24 * 60)));
    }
}

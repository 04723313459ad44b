package dev.rewind.service;

import dev.rewind.catalog.ArtifactStore;
import dev.rewind.catalog.BulkLoad;
import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.CatalogTx;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.NewVersion;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.Actor;
import dev.rewind.domain.Artifact;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;
import dev.rewind.importer.mlflow.MlflowData;
import dev.rewind.importer.mlflow.MlflowReader.Progress;
import dev.rewind.importer.mlflow.MlflowReader;
import dev.rewind.importer.mlflow.MlflowStore;
import dev.rewind.importer.mlflow.ReadAhead;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Imports an MLflow store into the catalog: registered models, versions (label = MLflow's version number),
 * their runs' metrics (latest values and per-step history), params and tags, version and model tags, and
 * each alias (or legacy Production/Staging stage) as a target whose position is recorded as observed at import.
 * The source is only read. The registry is read first; runs and their values then stream into one transaction
 * (memory holds one run's batch, not the store), the next runs read ahead on a thread of their own while one is
 * written ({@link ReadAhead}): an error anywhere rolls it back and imports nothing. Importing the same source again
 * adds only what is new.
 */
public final class ImportService {
    private static final System.Logger LOG = System.getLogger(ImportService.class.getName());
    /** {@code renamed}: each name or text imported under a replacement, as "entry: 'old' → 'new'". */
    public record Report(String source, int models, int versionsAdded, int versionsAlreadyThere, int targetsMoved,
                         long metricValues, List<String> renamed) {
    }

    private final Catalog catalog;
    private final Actor actor;
    private final Clock clock;

    public ImportService(Catalog catalog, Actor actor, Clock clock) {
        this.catalog = catalog;
        this.actor = actor;
        this.clock = clock;
    }

    /** Reads the store at {@code path} (an mlflow.db file or an mlruns/ folder) and imports it. */
    public Report importMlflow(Path path, String runsAsVersions, Progress progress) {
        return importMlflow(path, runsAsVersions, false, progress);
    }

    /**
     * Reads the store at {@code path} and imports it. A name or text breaking the name policy refuses the store
     * (naming the entry), or, with {@code renameInvalid}, is imported under the reversible replacement listed in the
     * report.
     */
    public Report importMlflow(Path path, String runsAsVersions, boolean renameInvalid, Progress progress) {
        catalog.abilities().require(dev.rewind.domain.Abilities.Ability.EDIT, "importing");
        Path source = path.toAbsolutePath().normalize();
        if (!Files.exists(source) && !Files.isSymbolicLink(source)) {
            throw RewindException.badInput("cannot import " + path + ": it does not exist");
        }
        progress.report("reading " + source.getFileName(), 0, 1);
        ImportPolicy policy = new ImportPolicy(source.toString(), renameInvalid, catalog.read(tx ->
                new ImportPolicy.Existing(new HashSet<>(tx.models().names()), tagKeys(tx))));
        try (MlflowStore store = MlflowReader.open(source, runsAsVersions)) {
            List<MlflowData.RegisteredModel> models = policy.models(store.models());
            Map<String, Artifact> artifacts = artifacts(models, source, progress);
            if (progress.cancelled()) {
                throw cancelled();
            }
            List<String> runs = models.stream().flatMap(m -> m.versions().stream())
                    .map(MlflowData.ModelVersion::runId).filter(Objects::nonNull).toList();
            return catalog.write(tx -> {
                try (ReadAhead ahead = new ReadAhead(store, runs)) {
                    return new Writer(tx, ahead, models, policy, artifacts, progress).write();
                }
            });
        }
    }

    static RewindException cancelled() {
        return RewindException.refused("import cancelled; nothing was imported");
    }

    private static Set<String> tagKeys(CatalogTx tx) {
        Set<String> keys = new HashSet<>(tx.versions().tagKeys());
        keys.addAll(tx.models().tagKeys());
        return keys;
    }

    /**
     * Artifacts are referenced by URI; their checksum is computed only when the bytes are a regular file or folder
     * inside the store being imported. Anything else (outside the store, a device, a FIFO, unreadable) keeps its URI
     * without a checksum: recorded, unverified, never read.
     */
    private static Map<String, Artifact> artifacts(List<MlflowData.RegisteredModel> models, Path source,
                                                   Progress progress) {
        Map<String, Artifact> out = new HashMap<>();
        Path storeRoot = Files.isDirectory(source) ? source : source.getParent();
        for (MlflowData.RegisteredModel m : models) {
            for (MlflowData.ModelVersion v : m.versions()) {
                String uri = v.storageLocation() != null ? v.storageLocation() : v.source();
                if (uri == null) {
                    continue;
                }
                Path local = insideStore(localPath(uri, source), storeRoot);
                String sha = null;
                Long size = null;
                if (local != null) {
                    try {
                        sha = ArtifactStore.checksum(local);
                        size = Files.isDirectory(local) ? dirSize(local) : Files.size(local);
                    } catch (IOException | RuntimeException e) {
                        LOG.log(System.Logger.Level.DEBUG, "artifact " + uri + " kept unverified", e);
                        sha = null;
                        size = null;
                    }
                }
                out.put(m.name() + "\0" + v.label(), new Artifact(uri, sha, size));
                if (progress.cancelled()) {
                    return out;
                }
            }
        }
        return out;
    }

    /** The real path of a regular file or folder under {@code root}, or null (outside, special, missing). */
    private static Path insideStore(Path local, Path root) {
        if (local == null || root == null) {
            return null;
        }
        try {
            Path real = local.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                return null;
            }
            var a = Files.readAttributes(real, java.nio.file.attribute.BasicFileAttributes.class);
            return a.isRegularFile() || a.isDirectory() ? real : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Path localPath(String uri, Path source) {
        try {
            if (uri.startsWith("file:")) {
                return Path.of(URI.create(uri));
            }
            if (uri.contains(":")) {
                return null; // runs:/, models:/, s3://, mlflow-artifacts:…
            }
            Path p = Path.of(uri);
            return p.isAbsolute() ? p : source.getParent() == null ? null : source.getParent().resolve(p).normalize();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long dirSize(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /**
     * Writes the store inside the import's one transaction, one run at a time: a run's values stream from the store
     * into the catalog in batches, so memory holds one batch, not the store. A broken entry met on the way (a
     * run's metric that is not a number, a name the policy refuses) or a cancel throws, and the transaction rolls
     * back: nothing is imported.
     */
    private final class Writer {
        private final CatalogTx tx;
        private final MlflowStore data;
        private final List<MlflowData.RegisteredModel> models;
        private final ImportPolicy policy;
        private final String store;
        private final Map<String, Artifact> artifacts;
        private final Progress progress;
        private final long now = clock.millis();
        private final long total;
        private long done;
        private int added;
        private int already;
        private int moved;
        private long values;
        private BulkLoad bulk;

        Writer(CatalogTx tx, MlflowStore data, List<MlflowData.RegisteredModel> models, ImportPolicy policy,
               Map<String, Artifact> artifacts, Progress progress) {
            this.tx = tx;
            this.data = data;
            this.models = models;
            this.policy = policy;
            this.store = data.source();
            this.artifacts = artifacts;
            this.progress = progress;
            this.total = models.stream().mapToLong(m -> m.versions().size()).sum();
        }

        Report write() {
            try (BulkLoad loader = tx.bulk()) {
                bulk = loader;
                for (MlflowData.RegisteredModel m : models) {
                    writeModel(m);
                }
            }
            data.throwIfBroken();
            return new Report(store, models.size(), added, already, moved, values, List.copyOf(policy.renamed()));
        }

        private void writeModel(MlflowData.RegisteredModel m) {
            String name = m.name();
            long created = m.versions().stream().mapToLong(MlflowData.ModelVersion::createdAt).filter(t -> t > 0).min().orElse(now);
            long modelId = tx.models().id(name).orElseGet(() -> tx.models().insert(name, java.time.Instant.ofEpochMilli(created)));
            m.tags().forEach((k, v) -> tx.models().putTag(modelId, k, v));
            Long parent = null;
            Map<Integer, String> labels = new HashMap<>();
            for (MlflowData.ModelVersion v : m.versions()) {
                if (progress.cancelled()) {
                    throw cancelled();
                }
                parent = writeVersion(modelId, name, v, parent);
                labels.put(v.version(), v.label());
                progress.report("versions", ++done, total);
            }
            Map<String, Integer> pointers = new TreeMap<>();
            for (String stage : List.of("Production", "Staging")) {
                m.versions().stream().filter(v -> stage.equalsIgnoreCase(String.valueOf(v.stage())))
                        .mapToInt(MlflowData.ModelVersion::version).max()
                        .ifPresent(n -> pointers.put(stage.toLowerCase(), n));
            }
            pointers.putAll(m.aliases());
            Map<Integer, Long> updated = new HashMap<>();
            m.versions().forEach(v -> updated.put(v.version(), v.updatedAt() > 0 ? v.updatedAt() : v.createdAt()));
            pointers.forEach((target, number) -> {
                String label = labels.get(number);
                if (label != null) {
                    observe(modelId, name, target, label, m.aliases().containsKey(target) ? "alias" : "stage",
                            number, updated.getOrDefault(number, 0L));
                }
            });
        }

        private Long writeVersion(long modelId, String model, MlflowData.ModelVersion v, Long parent) {
            String label = v.label();
            ImportPolicy.CheckedRun run = run(v.runId());
            Version existing = tx.versions().find(model, label).orElse(null);
            if (existing != null) {
                Map<String, String> prov = tx.versions().provenance(existing.id());
                if (!store.equals(prov.get("mlflow.store")) || !String.valueOf(v.version()).equals(prov.get("mlflow.version"))
                        || !Objects.equals(v.model(), prov.get("mlflow.model"))) {
                    throw RewindException.badInput("cannot import " + store + ": the catalog already has " + model + " "
                            + label + ", which did not come from this MLflow store; nothing was imported");
                }
                if (run != null) { // its values are not written again, but a broken one still refuses the store
                    data.history(run.run().runId(), p -> run.metricKey().apply(p.key()));
                }
                already++;
                return existing.id();
            }
            MlflowData.Run r = run == null ? null : run.run();
            String author = firstNonBlank(v.userId(), r == null ? null : r.user(), "mlflow");
            long created = v.createdAt() > 0 ? v.createdAt() : r != null && r.startTime() > 0 ? r.startTime() : now;
            long id = tx.versions().insert(new NewVersion(modelId, label, tx.versions().nextSeq(modelId),
                    java.time.Instant.ofEpochMilli(created), author, v.description(), artifacts.get(model + "\0" + label),
                    v.runId(), parent));
            if (run != null) {
                values += new RunValues(bulk, data, progress::cancelled).write(id, run);
                tx.versions().addParams(id, r.params());
            }
            v.tags().forEach((k, x) -> tx.versions().putTag(id, k, x));
            tx.versions().addProvenance(id, provenance(v, r, artifacts.get(model + "\0" + label)));
            tx.events().append(EventRecord.draft(now, EventKind.IMPORT, modelId, null, id, null, null, null, null,
                    "imported from " + store + " (MLflow " + v.model() + " version " + v.version() + ")",
                    actor.user(), actor.host()));
            added++;
            return id;
        }

        /** The version's run through the import policy, or null when it has none the store holds. */
        private ImportPolicy.CheckedRun run(String runId) {
            MlflowData.Run r = runId == null ? null : data.run(runId);
            return r == null ? null : policy.run(r);
        }

        private Map<String, String> provenance(MlflowData.ModelVersion v, MlflowData.Run run, Artifact artifact) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("mlflow.store", store);
            p.put("mlflow.model", v.model());
            p.put("mlflow.version", String.valueOf(v.version()));
            put(p, "mlflow.run_id", v.runId());
            put(p, "mlflow.source", v.source());
            put(p, "mlflow.storage_location", v.storageLocation());
            put(p, "mlflow.stage", v.stage());
            if (artifact != null && artifact.sha256() == null) {
                p.put("mlflow.artifact", "unverified: recorded by URI only, its bytes were not read (not a regular"
                        + " file or folder inside the store)");
            }
            if (run != null) {
                put(p, "mlflow.run_name", run.name());
                put(p, "mlflow.experiment", run.experiment());
                run.tags().forEach((k, x) -> put(p, "run.tag." + k, x));
            }
            return p;
        }

        /**
         * Records where MLflow says a pointer is now (MLflow keeps no history of alias moves). The move is drawn at
         * the best time MLflow has, the version's last update (a stage transition sets it; an alias move does not,
         * so for an alias it is only the latest edit of the version), marked approximate; the event keeps the
         * import's own time.
         */
        private void observe(long modelId, String model, String targetName, String label, String how, int number,
                             long updatedAt) {
            TargetRow t = tx.targets().find(model, targetName).orElse(null);
            if (t == null) {
                long id = tx.targets().insert(modelId, targetName, null);
                boolean protect = protectedOnImport(targetName, how);
                if (protect) {
                    tx.targets().setProtected(id, true);
                }
                tx.events().append(EventRecord.draft(now, EventKind.TARGET, modelId, id, null, null, null, null, null,
                        "created by import from " + store + (protect ? "; protected" : ""), actor.user(), actor.host()));
                t = tx.targets().byId(id).orElseThrow();
            }
            Version to = tx.versions().find(model, label).orElseThrow();
            if (Objects.equals(t.versionId(), to.id())) {
                return;
            }
            // never before the target's previous move, so its lane stays in order
            long after = tx.events().latestMove(t.id())
                    .map(e -> e.effectiveAt() != null ? e.effectiveAt() : e.at()).orElse(0L);
            long when = Math.max(updatedAt, after);
            boolean dated = updatedAt > 0 && when < now;
            EventRecord draft = EventRecord.draft(now, EventKind.IMPORT, modelId, t.id(), null, t.versionId(), to.id(),
                    null, null, "observed at import: MLflow " + how + " " + targetName + " → version " + label
                            + " in " + store + " (MLflow keeps no history of when it moved"
                            + (dated ? "; time approximate: the last update of version " + number : "") + ")",
                    actor.user(), actor.host());
            tx.events().append(dated ? draft.effectiveAt(when) : draft);
            tx.targets().point(t.id(), to.id());
            moved++;
        }
    }

    /** The targets that serve users in MLflow terms: the Production stage, and aliases {@code champion} or {@code prod*}. */
    static boolean protectedOnImport(String targetName, String how) {
        String n = targetName.toLowerCase(java.util.Locale.ROOT);
        return "stage".equals(how) ? n.equals("production") : n.equals("champion") || n.startsWith("prod");
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static String firstNonBlank(String... s) {
        for (String x : s) {
            if (x != null && !x.isBlank()) {
                return x;
            }
        }
        return null;
    }
}

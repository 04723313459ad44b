package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.CatalogTx;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.NewVersion;
import dev.rewind.domain.Abilities.Ability;
import dev.rewind.domain.Actor;
import dev.rewind.domain.Artifact;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.MetricValue;
import dev.rewind.domain.ModelSummary;
import dev.rewind.domain.Names;
import dev.rewind.domain.NextLabel;
import dev.rewind.domain.Reasons;
import dev.rewind.domain.Tags;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Text;
import dev.rewind.domain.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Registering versions, tagging them, and reading models and versions. Used by the CLI and the window. */
public final class RegistryService {
    public static final int MAX_TEXT = 10_000;

    private final Catalog catalog;
    private final Actor actor;
    private final Clock clock;

    public RegistryService(Catalog catalog, Actor actor, Clock clock) {
        this.catalog = catalog;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * Registers a new version: checks every input first, stores the artifact, then writes the version, its
     * metrics, params, tags and a {@code register} event in one transaction.
     */
    public Version register(RegisterRequest r) {
        catalog.abilities().require(Ability.EDIT, "registering a version");
        String model = Names.require("model name", r.model());
        String typed = r.next() == null ? Names.label("version label", r.version()) : null;
        Text.line("description", r.description(), MAX_TEXT);
        if (r.sourceRun() != null) {
            Names.require("source run id", r.sourceRun());
        }
        Map<String, String> params = new LinkedHashMap<>();
        r.params().forEach((k, v) -> {
            String key = Names.require("param key", k);
            params.put(key, Text.line("param " + Text.escape(key), v, MAX_TEXT));
        });
        Map<String, String> tags = new LinkedHashMap<>();
        r.tags().forEach((k, v) -> tags.put(Names.require("tag key", k), Text.line("tag value", v, Names.MAX_LENGTH)));
        catalog.read(tx -> {
            String label = label(tx, model, typed, r.next());
            requireNew(tx, model, label);
            lookAlikes(tx, model, label, tags.keySet());
            if (r.parent() != null) {
                Lookups.version(tx, model, r.parent());
            }
            return null;
        });
        Artifact artifact = r.artifact() == null ? null : catalog.artifacts().store(r.artifact());
        return catalog.write(tx -> {
            // picked again in the writing transaction: another registration may have taken the label meanwhile
            String label = label(tx, model, typed, r.next());
            requireNew(tx, model, label);
            lookAlikes(tx, model, label, tags.keySet());
            Instant now = clock.instant();
            long modelId = tx.models().id(model).orElseGet(() -> tx.models().insert(model, now));
            Long parentId = r.parent() == null ? null : Lookups.version(tx, model, r.parent()).id();
            long id = tx.versions().insert(new NewVersion(modelId, label, tx.versions().nextSeq(modelId), now,
                    actor.user(), r.description(), artifact, r.sourceRun(), parentId));
            tx.versions().addMetrics(id, r.metrics());
            tx.versions().addParams(id, params);
            tags.forEach((k, v) -> tx.versions().putTag(id, Tags.normalize(k), v));
            tx.events().append(EventRecord.draft(now.toEpochMilli(), EventKind.REGISTER, modelId, null, id, null,
                    null, null, null, r.description(), actor.user(), actor.host()));
            return tx.versions().byId(id).orElseThrow();
        });
    }

    private static String label(CatalogTx tx, String model, String typed, NextLabel next) {
        return typed != null ? typed : Names.label("version label", next.after(model, tx.versions().labels(model)));
    }

    private static void lookAlikes(CatalogTx tx, String model, String label, Iterable<String> tagKeys) {
        LookAlikes.model(tx, model);
        LookAlikes.label(tx, model, label);
        tagKeys.forEach(k -> LookAlikes.tagKey(tx, k));
    }

    private static void requireNew(CatalogTx tx, String model, String label) {
        if (tx.versions().find(model, label).isPresent()) {
            throw RewindException.badInput("model " + model + " already has a version " + label
                    + "; versions are immutable, register a new label");
        }
    }

    /** Sets a tag (replacing its value if the key is there) and records a {@code tag} event. */
    public Version tag(String model, String version, String typedKey, String value, String reason) {
        catalog.abilities().require(Ability.EDIT, "tagging a version");
        String key = Tags.normalize(Names.require("tag key", typedKey));
        Text.line("tag value", value, Names.MAX_LENGTH);
        Reasons.check("reason", reason);
        return catalog.write(tx -> {
            Version v = Lookups.version(tx, model, version);
            LookAlikes.tagKey(tx, key);
            tx.versions().putTag(v.id(), key, value);
            tx.events().append(EventRecord.draft(clock.millis(), EventKind.TAG, Lookups.modelId(tx, model), null,
                    v.id(), null, null, key, value, reason, actor.user(), actor.host()));
            return tx.versions().byId(v.id()).orElseThrow();
        });
    }

    /**
     * Removes a tag and records an {@code untag} event; a tag that is not there is refused. Removing {@code failed}
     * or {@code stable} changes what deploy and rollback do, so it needs a reason.
     */
    public Version untag(String model, String version, String rawKey, String reason) {
        catalog.abilities().require(Ability.EDIT, "removing a tag");
        String typedKey = Names.require("tag key", rawKey);
        Reasons.check("reason", reason);
        String normalized = Tags.normalize(typedKey);
        return catalog.write(tx -> {
            Version v = Lookups.version(tx, model, version);
            // a catalog written before keys were normalized may hold "Failed"
            String key = v.tags().containsKey(typedKey) ? typedKey : v.tags().keySet().stream()
                    .filter(k -> Tags.normalize(k).equals(normalized)).findFirst().orElse(normalized);
            String old = v.tags().get(key);
            if (v.tags().containsKey(key) && Tags.meaningful(key)) {
                Reasons.require("reason", reason, "removing " + normalized + " changes what deploy and rollback do");
            }
            if (!tx.versions().removeTag(v.id(), key)) {
                throw RewindException.badInput("version " + version + " of " + model + " has no tag " + key);
            }
            tx.events().append(EventRecord.draft(clock.millis(), EventKind.UNTAG, Lookups.modelId(tx, model), null,
                    v.id(), null, null, key, old, reason, actor.user(), actor.host()));
            return tx.versions().byId(v.id()).orElseThrow();
        });
    }

    public List<ModelSummary> models() {
        return catalog.read(tx -> tx.models().list());
    }

    /** Each model's distinct version descriptions, by model name (what the model list's search also looks in). */
    public Map<String, List<String>> descriptions() {
        return catalog.read(tx -> tx.models().descriptions());
    }

    public List<Version> versions(String model) {
        return catalog.read(tx -> {
            Lookups.modelId(tx, model);
            return tx.versions().list(model);
        });
    }

    /** The model's versions as light rows for the timeline (no metrics or params), oldest first. */
    public dev.rewind.domain.VersionRows timelineRows(String model) {
        return catalog.read(tx -> {
            Lookups.modelId(tx, model);
            return tx.versions().rows(model);
        });
    }

    /**
     * The model's versions for the window's Versions table, oldest first: author, every tag, and of the metrics,
     * params and tags only those whose key is in {@code keys} (what its columns and filter show).
     */
    public List<Version> versionTable(String model, java.util.Set<String> keys) {
        return catalog.read(tx -> {
            Lookups.modelId(tx, model);
            return tx.versions().tableRows(Names.normalize(model), keys);
        });
    }

    /** The keys of the model's summary metrics ({@code key@dataset} for a dataset's), sorted. */
    public List<String> metricKeys(String model) {
        return catalog.read(tx -> tx.versions().metricKeys(Names.normalize(model)));
    }

    /** The model's versions counted in {@code buckets} slices of {@code [fromMs, toMs)}; empty slices left out. */
    public List<dev.rewind.domain.TimeBucket> timelineBuckets(String model, long fromMs, long toMs, int buckets) {
        return catalog.read(tx -> tx.versions().buckets(model, fromMs, toMs, buckets));
    }

    /** Full versions (metrics, params, tags) by id, in the order asked; read when a person looks at them. */
    public List<Version> byIds(List<Long> ids) {
        return catalog.read(tx -> ids.stream().map(id -> tx.versions().byId(id).orElseThrow(
                () -> dev.rewind.domain.RewindException.badInput("no version with id " + id + " (changed meanwhile?)"))).toList());
    }

    /** One summary metric of every version of a model that has it, by version id (the Compare chart). */
    public Map<Long, Double> metricAcross(String model, String key) {
        return catalog.read(tx -> tx.versions().summaryValues(model, key));
    }

    public Version show(String model, String version) {
        return catalog.read(tx -> Lookups.version(tx, model, version));
    }

    public List<MetricValue> curve(String model, String version, String key) {
        return catalog.read(tx -> tx.versions().metricSteps(Lookups.version(tx, model, version).id(), key));
    }

    public List<String> tagKeys() {
        return catalog.read(tx -> tx.versions().tagKeys());
    }

    public Map<String, dev.rewind.domain.Direction> directions() {
        return catalog.read(tx -> tx.directions().all());
    }
}

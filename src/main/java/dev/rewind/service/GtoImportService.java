package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.CatalogTx;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.NewVersion;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.Actor;
import dev.rewind.domain.Event;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.Names;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Text;
import dev.rewind.domain.Version;
import dev.rewind.importer.gto.GtoData;
import dev.rewind.importer.gto.GtoReader;
import dev.rewind.importer.gto.GtoTag;
import dev.rewind.importer.gto.StageRule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Imports a GTO registry (a git repository's annotated tags) into the catalog in one transaction: each artifact
 * becomes a model, each registration a version (GTO's semver label, the tagged commit as its source, the
 * {@code artifacts.yaml} annotations as provenance), each stage a target. Every tag becomes an event in GTO's
 * order, recorded now but drawn at the tag's time, with the tagger as actor and the tag's message as reason; each
 * stage points where GTO's rule ({@link StageRule}) says. Importing again adds only the tags not imported yet.
 */
public final class GtoImportService {
    /** The event field that names the GTO tag an event came from: what makes a re-import add only new tags. */
    static final String TAG_KEY = "gto.tag";
    static final String DEREGISTERED = "gto.deregistered";

    public record Report(String repo, int models, int versionsAdded, int tagsAdded, int tagsAlreadyImported,
                         int stagesMoved) {
    }

    private final Catalog catalog;
    private final Actor actor;
    private final Clock clock;
    private final GtoReader reader;

    public GtoImportService(Catalog catalog, Actor actor, Clock clock, GtoReader reader) {
        this.catalog = catalog;
        this.actor = actor;
        this.clock = clock;
        this.reader = reader;
    }

    public Report importGto(Path repo) {
        catalog.abilities().require(dev.rewind.domain.Abilities.Ability.EDIT, "importing");
        GtoData.Registry registry = reader.read(repo);
        checkNames(registry);
        return catalog.write(tx -> new Writer(tx, registry).write());
    }

    /** Every model, label and target name through the one name policy; a tag breaking it is named, never renamed. */
    private static void checkNames(GtoData.Registry r) {
        for (GtoData.Event e : r.events()) {
            try {
                Names.require("model name", e.tag().artifact());
                if (e.version() != null) {
                    Names.label("version label", e.version());
                }
                if (e.tag().stage() != null) {
                    Names.require("target name", e.tag().stage());
                }
            } catch (RewindException ex) {
                throw RewindException.badInput("cannot import " + r.repo() + ": tag '" + e.tag().tag() + "': "
                        + ex.getMessage() + "; nothing was imported");
            }
        }
    }

    private final class Writer {
        private final CatalogTx tx;
        private final GtoData.Registry registry;
        private final long now = clock.millis();
        private final StageRule rule = new StageRule();
        private final Set<String> imported = new HashSet<>();
        private final Set<String> models = new LinkedHashSet<>();
        private int versions;
        private int added;
        private int already;
        private int moved;

        Writer(CatalogTx tx, GtoData.Registry registry) {
            this.tx = tx;
            this.registry = registry;
        }

        Report write() {
            registry.events().forEach(e -> models.add(e.tag().artifact()));
            for (String model : models) {
                for (Event e : tx.models().id(model).isPresent() ? tx.events().history(model, null) : List.<Event>of()) {
                    if (TAG_KEY.equals(e.tagKey()) || DEREGISTERED.equals(e.tagKey())) {
                        imported.add(e.tagValue());
                    }
                }
            }
            for (GtoData.Event e : registry.events()) {
                rule.apply(e);
                if (imported.contains(e.tag().tag())) {
                    already++;
                    continue;
                }
                write(e);
                added++;
            }
            return new Report(registry.repo(), models.size(), versions, added, already, moved);
        }

        private void write(GtoData.Event e) {
            GtoTag t = e.tag();
            long modelId = tx.models().id(t.artifact())
                    .orElseGet(() -> tx.models().insert(t.artifact(), Instant.ofEpochMilli(e.atMs())));
            switch (t.kind()) {
                case REGISTER -> register(modelId, e);
                case DEREGISTER -> {
                    Version v = version(e);
                    tx.versions().putTag(v.id(), DEREGISTERED, t.tag());
                    tx.events().append(EventRecord.draft(now, EventKind.TAG, modelId, null, v.id(), null, null,
                            DEREGISTERED, t.tag(), reason(e), who(e), actor.host()).effectiveAt(e.atMs()));
                    rule.stages(t.artifact()).keySet().forEach(stage -> follow(modelId, e, stage));
                }
                case ASSIGN, UNASSIGN -> follow(modelId, e, t.stage());
                default -> tx.models().putTag(modelId, "gto." + t.kind().name().toLowerCase(java.util.Locale.ROOT),
                        t.tag());
            }
        }

        private void register(long modelId, GtoData.Event e) {
            String model = e.tag().artifact();
            Version existing = tx.versions().find(model, e.version()).orElse(null);
            if (existing != null && !registry.repo().equals(tx.versions().provenance(existing.id()).get("gto.repo"))) {
                throw RewindException.badInput("cannot import " + registry.repo() + ": the catalog already has "
                        + model + " " + e.version() + ", which did not come from this GTO repository; nothing was"
                        + " imported");
            }
            GtoData.Annotations a = registry.annotations().getOrDefault(model, Map.of()).get(e.version());
            long id;
            if (existing == null) {
                id = tx.versions().insert(new NewVersion(modelId, e.version(), tx.versions().nextSeq(modelId),
                        Instant.ofEpochMilli(e.atMs()), who(e), a == null ? null : line(e, a.description()), null,
                        e.commit(), null));
                tx.versions().addProvenance(id, provenance(e, a));
                versions++;
            } else {
                id = existing.id(); // registered again after a deregistration: one more event on the same version
            }
            tx.events().append(EventRecord.draft(now, EventKind.IMPORT, modelId, null, id, null, null, TAG_KEY,
                    e.tag().tag(), reason(e), who(e), actor.host()).effectiveAt(e.atMs()));
        }

        /** Points the stage's target where GTO's rule now says, recording the tag that moved (or kept) it. */
        private void follow(long modelId, GtoData.Event e, String stage) {
            TargetRow t = target(modelId, e.tag().artifact(), stage);
            String label = rule.current(e.tag().artifact(), stage);
            Long to = label == null ? null : tx.versions().find(e.tag().artifact(), label).orElseThrow().id();
            if (e.tag().kind() == GtoTag.Kind.DEREGISTER && Objects.equals(to, t.versionId())) {
                return; // this stage did not hold the deregistered version
            }
            tx.events().append(EventRecord.draft(now, EventKind.IMPORT, modelId, t.id(), null, t.versionId(), to,
                    TAG_KEY, e.tag().tag(), reason(e), who(e), actor.host()).effectiveAt(e.atMs()));
            if (!Objects.equals(to, t.versionId())) {
                tx.targets().point(t.id(), to);
                moved++;
            }
        }

        private TargetRow target(long modelId, String model, String stage) {
            TargetRow t = tx.targets().find(model, stage).orElse(null);
            if (t != null) {
                return t;
            }
            long id = tx.targets().insert(modelId, stage, null);
            boolean protect = ImportService.protectedOnImport(stage, "alias");
            if (protect) {
                tx.targets().setProtected(id, true);
            }
            tx.events().append(EventRecord.draft(now, EventKind.TARGET, modelId, id, null, null, null, null, null,
                    "created by import of GTO stage " + stage + " from " + registry.repo() + (protect ? "; protected" : ""),
                    actor.user(), actor.host()));
            return tx.targets().byId(id).orElseThrow();
        }

        private Version version(GtoData.Event e) {
            return tx.versions().find(e.tag().artifact(), e.version()).orElseThrow(() -> RewindException.badInput(
                    "cannot import " + registry.repo() + ": tag '" + e.tag().tag() + "' deregisters "
                            + e.version() + ", which no tag registers; nothing was imported"));
        }

        private Map<String, String> provenance(GtoData.Event e, GtoData.Annotations a) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("gto.repo", registry.repo());
            p.put("gto.artifact", e.tag().artifact());
            p.put("gto.tag", e.tag().tag());
            p.put("gto.commit", e.commit());
            if (a != null) {
                put(p, "gto.type", line(e, a.type()));
                put(p, "gto.path", line(e, a.path()));
                if (!a.labels().isEmpty()) {
                    p.put("gto.labels", line(e, String.join(", ", a.labels())));
                }
            }
            return p;
        }

        /** The tag's message as the event's reason, saying where it came from. */
        private String reason(GtoData.Event e) {
            String by = Text.escape(e.tagger()) + (e.email().isEmpty() ? "" : " <" + Text.escape(e.email()) + ">");
            return line(e, Text.escape(e.message()) + " (observed at import: GTO tag " + e.tag().tag() + " by " + by
                    + " in " + registry.repo() + ")");
        }

        private String who(GtoData.Event e) {
            String name = Text.escape(e.tagger().strip());
            return name.isEmpty() ? "unknown tagger" : name;
        }

        private String line(GtoData.Event e, String text) {
            try {
                return Text.line("tag '" + e.tag().tag() + "'", Text.escape(text), RegistryService.MAX_TEXT);
            } catch (RewindException ex) {
                throw RewindException.badInput("cannot import " + registry.repo() + ": " + ex.getMessage()
                        + "; nothing was imported");
            }
        }
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}

package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.CatalogTx;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.Abilities.Ability;
import dev.rewind.domain.Actor;
import dev.rewind.domain.Artifact;
import dev.rewind.domain.ConflictException;
import dev.rewind.domain.Event;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.Metrics;
import dev.rewind.domain.Move;
import dev.rewind.domain.MoveDecision;
import dev.rewind.domain.MoveOverride;
import dev.rewind.domain.MovePolicy;
import dev.rewind.domain.MovePreview;
import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.Names;
import dev.rewind.domain.Reasons;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.RollbackSuggestion;
import dev.rewind.domain.Tags;
import dev.rewind.domain.TargetPolicy;
import dev.rewind.domain.TargetCheck;
import dev.rewind.domain.TargetPointer;
import dev.rewind.domain.TargetState;
import dev.rewind.domain.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Deploy and rollback: compare-and-set moves of a target's pointer, each one transaction that writes the
 * event and moves the pointer together, followed by the serving-directory switch. The switch happens after
 * the commit and is marked pending until it is done, so a crash in between is finished by the next start or
 * by {@code verify --repair}.
 */
public final class DeployService {
    private final Catalog catalog;
    private final Actor actor;
    private final Clock clock;
    private final ServingSync serving;
    private final ReadBack readBack;
    private final PostSwitchChecks checks;
    private final PointerSync pointers;
    private final TargetLinks links;

    public DeployService(Catalog catalog, Actor actor, Clock clock) {
        this.catalog = catalog;
        this.actor = actor;
        this.clock = clock;
        this.serving = new ServingSync(catalog);
        this.readBack = new ReadBack(catalog);
        this.checks = new PostSwitchChecks(catalog, actor, clock);
        this.pointers = new PointerSync(catalog, actor);
        this.links = new TargetLinks(catalog, actor, clock, pointers);
    }

    /** Adds a deployment slot to a model, optionally with a serving directory; records a {@code target} event. */
    public TargetState addTarget(String model, String target, Path servingDir) {
        return addTarget(model, target, servingDir, false);
    }

    /** Like {@link #addTarget(String, String, Path)}; a protected target needs a reason for every move. */
    public TargetState addTarget(String model, String rawTarget, Path servingDir, boolean protectedTarget) {
        return addTarget(model, rawTarget, servingDir, protectedTarget, null);
    }

    /**
     * As {@link #addTarget(String, String, Path, boolean)}; with a {@code pointer}, every move of the target sets that
     * MLflow alias or GTO stage (checked to be there and usable first) instead of a serving directory.
     */
    public TargetState addTarget(String model, String rawTarget, Path servingDir, boolean protectedTarget,
                                 TargetPointer pointer) {
        String target = Names.require("target name", rawTarget);
        catalog.abilities().require(protectedTarget ? Ability.RELEASE : Ability.DEPLOY,
                protectedTarget ? "adding a protected target" : "adding a target");
        if (pointer != null) {
            if (servingDir != null) {
                throw RewindException.badInput("a target of kind " + pointer.kind().id() + " has no serving dir");
            }
            links.admit(pointer, model, null);
        }
        return catalog.write(tx -> {
            long modelId = Lookups.modelId(tx, model);
            tx.targets().find(model, target).ifPresent(t -> {
                throw RewindException.badInput("model " + model + " already has a target '" + target + "'"
                        + (t.retired() ? " (retired; its name stays with its history)" : ""));
            });
            Path dir = servingDir == null ? null : ServingDirPolicy.admit(servingDir, catalog.location(),
                    catalog.artifacts().root(), tx.targets().all().stream().filter(t -> t.servingDir() != null)
                            .map(t -> Path.of(t.servingDir())).toList());
            LookAlikes.target(tx, model, target);
            long id = tx.targets().insert(modelId, target, dir == null ? null : dir.toString());
            if (protectedTarget) {
                tx.targets().setProtected(id, true);
            }
            List<String> notes = new ArrayList<>();
            if (dir != null) {
                notes.add("serving dir " + dir);
            }
            if (pointer != null) {
                tx.targets().setPointer(id, pointer);
                notes.add(pointer.describe());
            }
            if (protectedTarget) {
                notes.add("protected");
            }
            tx.events().append(EventRecord.draft(clock.millis(), EventKind.TARGET, modelId, id, null, null, null,
                    null, null, notes.isEmpty() ? null : String.join("; ", notes), actor.user(), actor.host()));
            return tx.targets().list(model).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
        });
    }

    /**
     * Gives a target that has neither serving dir nor pointer the MLflow alias or GTO stage its moves will set, once,
     * as {@code addTarget} admits one; the target's live version must already be what the pointer holds. Recorded as
     * a {@code target} event whose digest covers the pointer.
     */
    public TargetState linkTarget(String model, String target, TargetPointer pointer) {
        return links.link(model, Names.require("target name", target), pointer);
    }

    /** Active targets of one model (null: of every model) with what they serve now. */
    public List<TargetState> targets(String model) {
        return targets(model, false);
    }

    /** As {@link #targets(String)}, with retired targets too when {@code withRetired}. */
    public List<TargetState> targets(String model, boolean withRetired) {
        return catalog.read(tx -> {
            if (model != null) {
                Lookups.modelId(tx, model);
            }
            return tx.targets().list(model, withRetired);
        });
    }

    /**
     * Points the request's target at its version, as {@link MovePolicy} allows: a version tagged failed or one
     * that misses a metric guard needs the matching override, a protected target a one-line reason. Moving a
     * target to the version it serves changes nothing and succeeds ({@link Move#changed()} false).
     */
    public Move deploy(MoveRequest r) {
        String version = r.version().orElse(null);
        Names.require("version label", version);
        return move(EventKind.DEPLOY, r, tx -> Lookups.version(tx, r.model(), version));
    }

    /**
     * Moves the request's target back to its version, or, when it has none, to the suggested one
     * ({@link #rollbackSuggestion}). A rollback never goes to a version tagged failed.
     */
    public Move rollback(MoveRequest r) {
        return move(EventKind.ROLLBACK, r, tx -> r.version().isEmpty()
                ? RollbackChoice.choose(tx, r.model(), r.target()).version()
                : Lookups.version(tx, r.model(), r.version().get()));
    }

    /** The version a rollback without --to would choose, or null when there is none. */
    public String rollbackCandidate(String model, String target) {
        return rollbackSuggestion(model, target).map(RollbackSuggestion::version).orElse(null);
    }

    /** Where a rollback without a version would go, and whether as the last stable version; empty when nowhere. */
    public Optional<RollbackSuggestion> rollbackSuggestion(String model, String target) {
        return catalog.read(tx -> {
            try {
                RollbackChoice.Choice c = RollbackChoice.choose(tx, model, target);
                return Optional.of(new RollbackSuggestion(target, c.version().label(), c.lastStable()));
            } catch (RewindException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * What moving the request's target to its version would do, for the confirmation dialog: deltas against the
     * live version, warnings, the policy's decision (overrides it needs, protection), and a blocker when the move
     * must not be offered. A move to an older version is a rollback, unless that version is tagged failed:
     * rollbacks never go there, so it is offered as a deploy that needs the override.
     */
    public MovePreview preview(MoveRequest r) {
        String model = r.model();
        String target = r.target();
        String version = r.version().orElseThrow(() -> RewindException.badInput("a preview needs a version"));
        Planned p = catalog.read(tx -> {
            TargetRow t = Lookups.movable(tx, model, target);
            return new Planned(t, Lookups.version(tx, model, version), policy(tx, t), false);
        });
        TargetPointer pointer = pointers.of(p.target()).orElse(null);
        Version chosen = p.to();
        return catalog.read(tx -> {
            Version current = p.target().versionId() == null ? null
                    : tx.versions().byId(p.target().versionId()).orElseThrow();
            boolean older = current != null && chosen.seq() < current.seq();
            EventKind kind = older && !chosen.failed() ? EventKind.ROLLBACK : EventKind.DEPLOY;
            List<String> warnings = new ArrayList<>();
            if (chosen.failed()) {
                String note = Tags.value(chosen.tags(), Tags.FAILED);
                warnings.add(version + " is tagged failed" + (note == null ? "" : ": " + note));
            }
            if (older) {
                warnings.add(version + " is older than the live " + current.label());
            }
            boolean same = current != null && current.id() == chosen.id();
            MoveDecision d = MovePolicy.decide(chosen, kind, p.policy(), same ? null : quickProblem(p),
                    catalog.abilities());
            String blocker = same ? target + " already serves " + version : d.refusal();
            String equivalent = null;
            if (pointer != null) {
                try {
                    equivalent = pointers.nativeEquivalent(tx, pointer, chosen);
                } catch (RewindException e) {
                    blocker = blocker == null ? e.getMessage() : blocker;
                }
            } else if (p.target().servingDir() != null && chosen.artifact() != null && chosen.artifact().sha256() != null) {
                equivalent = ServingDirectory.nativeSwitch(Path.of(p.target().servingDir()),
                        catalog.artifacts().pathOf(chosen.artifact().sha256()));
            }
            boolean recordedOnly = p.target().servingDir() == null && pointer == null;
            return new MovePreview(model, target, current, chosen, kind,
                    Metrics.deltas(current, chosen, tx.directions().all()), warnings, blocker, d,
                    recordedOnly, equivalent, recordedOnly ? TargetLinks.offer(tx, p.target(), chosen.id()) : null);
        });
    }

    private interface Chooser {
        Version choose(CatalogTx tx);
    }

    private Move move(EventKind kind, MoveRequest r, Chooser chooser) {
        String model = r.model();
        String target = r.target();
        Names.require("model name", model);
        Names.require("target name", target);
        Reasons.check("reason", r.reason());
        Planned first = catalog.read(tx -> plan(tx, r, chooser));
        if (first.unchanged()) {
            return unchanged(kind, first);
        }
        // a catalog whose signed history or covered facts were altered moves nothing (its tags or guards may lie)
        new MoveGuard(catalog).requireSound(first.target(), first.to());
        // a cheap look at the bytes (size, cached checksum) first; the one full hash comes right before the switch
        String quick = quickProblem(first);
        MovePolicy.decide(first.to(), kind, first.policy(), quick, catalog.abilities()).enforce(r);
        Move move;
        String servingDir = first.target().servingDir();
        TargetPointer pointer = pointers.of(first.target()).orElse(null);
        if (servingDir != null) {
            move = switchServingDir(new ServingDirectory(Path.of(servingDir)), kind, r, chooser, first, quick);
        } else if (pointer != null) {
            move = switchPointer(pointer, kind, r, chooser, first, quick);
        } else {
            Artifact a = first.to().artifact();
            if (a != null && a.stored()) {
                refuseIf(catalog.artifacts().problemWith(a), first);
            }
            Move m = commit(kind, r, chooser, first, quick);
            move = m.changed() ? m.withProof(readBack.catalogOnly(m)) : m;
        }
        return move.changed() ? checks.runAndRecord(move, first.target()) : move;
    }

    /**
     * Under the serving directory's lock: the one full hash of the artifact, the commit, the switch and the
     * read-back, so nothing can replace the bytes or the link between the hash and the proof.
     */
    private Move switchServingDir(ServingDirectory dir, EventKind kind, MoveRequest r, Chooser chooser, Planned first,
                                  String quick) {
        Move[] committed = {null};
        try {
            return ServingSync.locked(dir, true, () -> {
                refuseIf(catalog.artifacts().problemWith(first.to().artifact()), first);
                committed[0] = commit(kind, r, chooser, first, quick);
                if (!committed[0].changed()) {
                    return committed[0];
                }
                serving.syncLocked(dir, r.model(), r.target());
                return committed[0].withProof(readBack.servingDir(dir, committed[0], first.to().artifact()));
            });
        } catch (IOException e) {
            if (committed[0] == null) {
                throw RewindException.refused("cannot switch " + r.target() + " of " + r.model() + ": serving dir "
                        + dir.dir() + ": " + e.getMessage() + "; nothing changed");
            }
            throw ServingSync.unfinished(dir, r.model(), r.target(), e);
        }
    }

    /** The catalog's commit (switch pending), then the external change, then the read-back: as for serving dirs. */
    private Move switchPointer(TargetPointer pointer, EventKind kind, MoveRequest r, Chooser chooser, Planned first,
                               String quick) {
        // a version that did not come from the pointer's registry is refused before anything is written
        catalog.read(tx -> pointers.kind(pointer).wanted(pointer, first.to(), tx.versions().provenance(first.to().id())));
        pointers.kind(pointer).admit(pointer);
        Move m = commit(kind, r, chooser, first, quick).withPointer(pointer.describe());
        if (!m.changed()) {
            return m;
        }
        try {
            pointers.sync(first.target(), pointer, r.reason());
        } catch (RewindException e) {
            throw PointerSync.unfinished(first.target(), pointer, e);
        }
        return m.withProof(pointers.readBack(pointer, m, first.to()));
    }

    private static void refuseIf(String problem, Planned p) {
        if (problem != null) {
            throw RewindException.refused("cannot switch " + p.target().name() + " of " + p.target().model() + " to "
                    + p.to().label() + ": " + problem + "; nothing changed");
        }
    }

    private Move commit(EventKind kind, MoveRequest r, Chooser chooser, Planned first, String problem) {
        return catalog.write(tx -> {
            Planned p = plan(tx, r, chooser);
            if (p.to().id() != first.to().id()) {
                throw conflict(tx, p.target(), "so a rollback would now choose " + p.to().label() + ", not "
                        + first.to().label());
            }
            if (p.unchanged()) {
                return unchanged(kind, p);
            }
            // the target's protection or guards may have changed since the first look; files are not read again
            MoveDecision d = MovePolicy.decide(p.to(), kind, p.policy(), problem, catalog.abilities());
            d.enforce(r);
            TargetRow t = p.target();
            long at = clock.millis();
            EventRecord e = tx.events().append(EventRecord.draft(at, kind, t.modelId(), t.id(), null, t.versionId(),
                    p.to().id(), null, null, r.reason(), actor.user(), actor.host())
                    .withOverrides(MoveOverride.format(d.overrides())));
            tx.targets().point(t.id(), p.to().id());
            if (t.servingDir() != null || tx.targets().pointer(t.id()).isPresent()) {
                tx.events().addPendingSwitch(e.id(), t.id());
            }
            return new Move(r.model(), r.target(), kind, t.versionLabel(), p.to().label(), e.id(),
                    Instant.ofEpochMilli(at), t.servingDir(), true, null);
        });
    }

    /** Sets (or with null, removes) a target's post-switch check; recorded as a {@code target} event. */
    public void setCheck(String model, String target, TargetCheck check) {
        catalog.abilities().require(Ability.RELEASE, "changing a target's post-switch check");
        checks.set(model, target, check);
    }

    /** A target's post-switch check, if it has one. */
    public Optional<TargetCheck> check(String model, String target) {
        return checks.of(model, target);
    }

    private Move unchanged(EventKind kind, Planned p) {
        TargetRow t = p.target();
        return new Move(t.model(), t.name(), kind, t.versionLabel(), p.to().label(), 0, clock.instant(),
                t.servingDir(), false, null);
    }

    private record Planned(TargetRow target, Version to, TargetPolicy policy, boolean unchanged) {
    }

    private Planned plan(CatalogTx tx, MoveRequest r, Chooser chooser) {
        TargetRow t = Lookups.movable(tx, r.model(), r.target());
        if (r.checksLive() && !r.expectedLive().equals(Optional.ofNullable(t.versionLabel()))) {
            throw conflict(tx, t, "not " + r.expectedLive().orElse("nothing") + " as expected");
        }
        Version to = chooser.choose(tx);
        return new Planned(t, to, policy(tx, t), Objects.equals(t.versionId(), to.id()));
    }

    private static TargetPolicy policy(CatalogTx tx, TargetRow t) {
        return new TargetPolicy(t.protectedTarget(), tx.targets().guards(t.id()));
    }

    /**
     * What a cheap look (size, a checksum cached by file identity and time) finds wrong with the bytes a move would
     * switch to, when it needs them; null when nothing is. The full hash is taken once, right before the switch.
     */
    private String quickProblem(Planned p) {
        Version to = p.to();
        boolean storedBytes = to.artifact() != null && to.artifact().stored();
        return p.target().servingDir() != null || storedBytes ? catalog.artifacts().quickProblem(to.artifact()) : null;
    }

    private ConflictException conflict(CatalogTx tx, TargetRow t, String expectation) {
        List<Event> history = tx.events().history(t.model(), t.name());
        Event lastMove = history.stream().filter(e -> e.kind().movesPointer()).findFirst().orElse(null);
        String live = t.versionLabel();
        String who = lastMove == null ? null : lastMove.actor() + "@" + lastMove.host();
        String moved = lastMove == null ? "" : " (moved by " + who + " at " + lastMove.at() + ")";
        return new ConflictException(t.name() + " of " + t.model() + " now serves "
                + (live == null ? "nothing" : live) + moved + ", " + expectation
                + "; nothing changed — look again and retry", live, who);
    }

    /** Finishes serving-directory switches that a crash interrupted; returns what was done, one line each. */
    public List<String> finishPendingSwitches() {
        List<String> out = new ArrayList<>(serving.finishPending());
        out.addAll(pointers.finishPending());
        return out;
    }
}

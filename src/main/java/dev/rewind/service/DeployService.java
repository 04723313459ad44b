package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.CatalogTx;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.Actor;
import dev.rewind.domain.ConflictException;
import dev.rewind.domain.Event;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.Metrics;
import dev.rewind.domain.Move;
import dev.rewind.domain.MoveOverride;
import dev.rewind.domain.MovePreview;
import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.Names;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Tags;
import dev.rewind.domain.TargetState;
import dev.rewind.domain.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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

    public DeployService(Catalog catalog, Actor actor, Clock clock) {
        this.catalog = catalog;
        this.actor = actor;
        this.clock = clock;
        this.serving = new ServingSync(catalog);
    }

    /** Adds a deployment slot to a model, optionally with a serving directory; records a {@code target} event. */
    public TargetState addTarget(String model, String target, Path servingDir) {
        Names.require("target name", target);
        Path dir = servingDir == null ? null : servingDir.toAbsolutePath().normalize();
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw RewindException.badInput("serving dir " + dir + " exists and is not a directory");
        }
        if (dir != null && (dir.getParent() == null || !Files.isDirectory(dir.getParent()))) {
            throw RewindException.badInput("serving dir " + dir + ": its parent folder does not exist");
        }
        return catalog.write(tx -> {
            long modelId = Lookups.modelId(tx, model);
            if (tx.targets().find(model, target).isPresent()) {
                throw RewindException.badInput("model " + model + " already has a target '" + target + "'");
            }
            long id = tx.targets().insert(modelId, target, dir == null ? null : dir.toString());
            tx.events().append(EventRecord.draft(clock.millis(), EventKind.TARGET, modelId, id, null, null, null,
                    null, null, dir == null ? null : "serving dir " + dir, actor.user(), actor.host()));
            return tx.targets().list(model).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
        });
    }

    /** Targets of one model (null: of every model) with what they serve now. */
    public List<TargetState> targets(String model) {
        return catalog.read(tx -> {
            if (model != null) {
                Lookups.modelId(tx, model);
            }
            return tx.targets().list(model);
        });
    }

    /**
     * Points the request's target at its version. A version tagged failed needs the override
     * {@link MoveOverride#FAILED_VERSION}.
     */
    public Move deploy(MoveRequest r) {
        String version = r.version().orElse(null);
        Names.require("version label", version);
        return move(EventKind.DEPLOY, r, tx -> Lookups.version(tx, r.model(), version));
    }

    /**
     * Moves the request's target back to its version, or, when it has none, to the version that was live before
     * the current one — walking back past versions tagged failed and versions that were rolled back from. A
     * rollback never goes to a version tagged failed.
     */
    public Move rollback(MoveRequest r) {
        return move(EventKind.ROLLBACK, r, tx -> r.version().isEmpty() ? previousGood(tx, r.model(), r.target())
                : Lookups.version(tx, r.model(), r.version().get()));
    }

    /** The version a rollback without --to would choose, or null when there is none. */
    public String rollbackCandidate(String model, String target) {
        return catalog.read(tx -> {
            try {
                return previousGood(tx, model, target).label();
            } catch (RewindException e) {
                return null;
            }
        });
    }

    /**
     * What moving the request's target to its version would do, for the confirmation dialog:
     * deltas against the live version, warnings, and a blocker when the move must not be offered.
     */
    public MovePreview preview(MoveRequest r) {
        String model = r.model();
        String target = r.target();
        String version = r.version().orElseThrow(() -> RewindException.badInput("a preview needs a version"));
        MovePreview p = catalog.read(tx -> {
            TargetRow t = Lookups.target(tx, model, target);
            Version chosen = Lookups.version(tx, model, version);
            Version current = t.versionId() == null ? null : tx.versions().byId(t.versionId()).orElseThrow();
            EventKind kind = current != null && chosen.seq() < current.seq() ? EventKind.ROLLBACK : EventKind.DEPLOY;
            List<String> warnings = new ArrayList<>();
            String blocker = null;
            if (current != null && current.id() == chosen.id()) {
                blocker = target + " already serves " + version;
            }
            if (chosen.failed()) {
                warnings.add(version + " is tagged failed" + (chosen.tags().get(Tags.FAILED) == null ? ""
                        : ": " + chosen.tags().get(Tags.FAILED)));
            }
            if (kind == EventKind.ROLLBACK) {
                warnings.add(version + " is older than the live " + current.label());
            }
            return new MovePreview(model, target, current, chosen, kind,
                    Metrics.deltas(current, chosen, tx.directions().all()), warnings, blocker);
        });
        if (p.blocker() == null) {
            TargetRow t = catalog.read(tx -> Lookups.target(tx, model, target));
            Version chosen = p.chosen();
            boolean needsBytes = t.servingDir() != null || (chosen.artifact() != null && chosen.artifact().stored());
            String problem = needsBytes ? catalog.artifacts().problemWith(chosen.artifact()) : null;
            if (problem != null) {
                return new MovePreview(p.model(), p.target(), p.current(), chosen, p.kind(), p.deltas(), p.warnings(),
                        "Cannot switch to " + chosen.label() + ": " + problem);
            }
        }
        return p;
    }

    private interface Chooser {
        Version choose(CatalogTx tx);
    }

    private Move move(EventKind kind, MoveRequest r, Chooser chooser) {
        String model = r.model();
        String target = r.target();
        Names.require("model name", model);
        Names.require("target name", target);
        Names.text("reason", r.reason(), RegistryService.MAX_TEXT);
        // checks that read files (the artifact checksum) happen before taking the write lock
        Planned first = catalog.read(tx -> plan(tx, kind, r, chooser));
        boolean storedBytes = first.to().artifact() != null && first.to().artifact().stored();
        if (first.target().servingDir() != null || storedBytes) {
            String problem = catalog.artifacts().problemWith(first.to().artifact());
            if (problem != null) {
                throw RewindException.refused("cannot switch " + target + " of " + model + " to " + first.to().label()
                        + ": " + problem + "; nothing changed");
            }
        }
        new MoveGuard(catalog).requireSound(first.target(), first.to());
        Move move = catalog.write(tx -> {
            Planned p = plan(tx, kind, r, chooser);
            if (p.to().id() != first.to().id()) {
                throw conflict(tx, p.target(), "so a rollback would now choose " + p.to().label() + ", not "
                        + first.to().label());
            }
            TargetRow t = p.target();
            long at = clock.millis();
            EventRecord e = tx.events().append(EventRecord.draft(at, kind, t.modelId(), t.id(), null, t.versionId(),
                    p.to().id(), null, null, r.reason(), actor.user(), actor.host()));
            tx.targets().point(t.id(), p.to().id());
            if (t.servingDir() != null) {
                tx.events().addPendingSwitch(e.id(), t.id());
            }
            return new Move(model, target, kind, t.versionLabel(), p.to().label(), e.id(), Instant.ofEpochMilli(at),
                    t.servingDir());
        });
        if (move.servingDir() != null) {
            serving.sync(model, target);
        }
        return move;
    }

    private record Planned(TargetRow target, Version to) {
    }

    private Planned plan(CatalogTx tx, EventKind kind, MoveRequest r, Chooser chooser) {
        String model = r.model();
        String target = r.target();
        TargetRow t = Lookups.target(tx, model, target);
        if (r.checksLive() && !r.expectedLive().equals(Optional.ofNullable(t.versionLabel()))) {
            throw conflict(tx, t, "not " + r.expectedLive().orElse("nothing") + " as expected");
        }
        Version to = chooser.choose(tx);
        boolean forceFailed = kind == EventKind.DEPLOY && r.overrides().contains(MoveOverride.FAILED_VERSION);
        if (Objects.equals(t.versionId(), to.id())) {
            throw RewindException.refused(target + " of " + model + " already serves " + to.label() + "; nothing changed");
        }
        if (to.failed() && !forceFailed) {
            throw RewindException.refused("version " + to.label() + " of " + model + " is tagged failed; "
                    + (kind == EventKind.DEPLOY ? "add --force-failed to deploy it anyway"
                    : "deploy it with --force-failed if you really mean it"));
        }
        return new Planned(t, to);
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

    private static Version previousGood(CatalogTx tx, String model, String target) {
        TargetRow t = Lookups.target(tx, model, target);
        if (t.versionId() == null) {
            throw RewindException.refused(target + " of " + model + " serves nothing yet; there is nothing to roll back");
        }
        List<EventRecord> moves = tx.events().moves(t.id());
        Set<Long> rolledAwayFrom = new HashSet<>();
        for (EventRecord e : moves) {
            if (e.kind() == EventKind.ROLLBACK && e.fromVersionId() != null) {
                rolledAwayFrom.add(e.fromVersionId());
            }
        }
        for (int i = moves.size() - 1; i >= 0; i--) {
            Long candidate = moves.get(i).toVersionId();
            if (candidate == null || candidate.equals(t.versionId()) || rolledAwayFrom.contains(candidate)) {
                continue;
            }
            Version v = tx.versions().byId(candidate).orElseThrow();
            if (!v.failed()) {
                return v;
            }
        }
        throw RewindException.refused(target + " of " + model + " has no earlier good version to roll back to"
                + " (every earlier one is tagged failed or was rolled back from); use --to VERSION");
    }

    /** Finishes serving-directory switches that a crash interrupted; returns what was done, one line each. */
    public List<String> finishPendingSwitches() {
        return serving.finishPending();
    }
}

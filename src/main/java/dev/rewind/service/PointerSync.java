package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.PendingSwitch;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.Move;
import dev.rewind.domain.MoveProof;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.TargetPointer;
import dev.rewind.domain.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a target's external pointer (an MLflow alias, a GTO stage) agree with the catalog, as {@link ServingSync}
 * does for serving directories: it applies what the catalog says <em>now</em>, so a switch interrupted after the
 * catalog's commit is finished by running it again, and then clears the switch's pending mark.
 */
final class PointerSync {
    private final Catalog catalog;
    private final Map<TargetPointer.Kind, PointerKind> kinds;

    PointerSync(Catalog catalog, dev.rewind.domain.Actor actor) {
        this.catalog = catalog;
        this.kinds = Map.of(TargetPointer.Kind.MLFLOW_ALIAS, new MlflowAliasKind(),
                TargetPointer.Kind.GTO, new GtoStageKind(actor));
    }

    PointerKind kind(TargetPointer p) {
        PointerKind k = kinds.get(p.kind());
        if (k == null) {
            throw RewindException.refused("targets of kind " + p.kind().id() + " are not supported by this Rewind");
        }
        return k;
    }

    /** What moving the pointer to {@code v} amounts to in the registry's own tool; refuses a version from elsewhere. */
    String nativeEquivalent(dev.rewind.catalog.CatalogTx tx, TargetPointer p, Version v) {
        PointerKind k = kind(p);
        return k.nativeCommand(p, k.wanted(p, v, tx.versions().provenance(v.id())), null);
    }

    Optional<TargetPointer> of(TargetRow t) {
        return catalog.read(tx -> tx.targets().pointer(t.id()));
    }

    private record Live(Version version, String wanted, List<Long> pending) {
    }

    /** What the catalog says the pointer must hold now, with the switches pending for it. */
    private Live live(TargetRow row, TargetPointer p) {
        return catalog.read(tx -> {
            TargetRow t = tx.targets().byId(row.id()).orElseThrow();
            Version v = t.versionId() == null ? null : tx.versions().byId(t.versionId()).orElseThrow();
            List<Long> pending = new ArrayList<>();
            for (PendingSwitch s : tx.events().pendingSwitches()) {
                if (s.targetId() == t.id()) {
                    pending.add(s.eventId());
                }
            }
            return new Live(v, v == null ? null : kind(p).wanted(p, v, tx.versions().provenance(v.id())), pending);
        });
    }

    /** Brings the pointer in line with the catalog; returns a line describing a change, or null. */
    String sync(TargetRow t, TargetPointer p, String reason) {
        Live[] seen = {null};
        Optional<String> before = Optional.empty();
        if (live(t, p).version() != null) {
            before = kind(p).set(p, () -> {
                seen[0] = live(t, p);
                return seen[0].wanted();
            }, reason);
        } else {
            seen[0] = live(t, p);
        }
        Live s = seen[0];
        if (!s.pending().isEmpty()) {
            catalog.write(tx -> {
                s.pending().forEach(tx.events()::clearPendingSwitch);
                return null;
            });
        }
        if (s.version() != null && !before.equals(Optional.of(s.wanted()))) {
            return "set " + p.describe() + " to " + s.wanted() + " (" + t.model() + " " + s.version().label() + ")";
        }
        return s.pending().isEmpty() ? null : "confirmed the switch of " + t.name() + " of " + t.model()
                + " (" + p.describe() + " already at " + s.wanted() + ")";
    }

    static RewindException unfinished(TargetRow t, TargetPointer p, RuntimeException e) {
        return RewindException.switchPending("the move is recorded: the catalog says " + t.name() + " of " + t.model()
                + " moved, but " + p.describe() + " could not be set (" + e.getMessage() + "); the switch is pending"
                + " — fix that and run 'rewind verify --repair'");
    }

    /** Reads the pointer back right after a move: it must hold what the move's version stands for there. */
    MoveProof readBack(TargetPointer p, Move m, Version to) {
        String want = catalog.read(tx -> kind(p).wanted(p, to, tx.versions().provenance(to.id())));
        Optional<String> now;
        try {
            now = kind(p).read(p);
        } catch (RewindException e) {
            return MoveProof.unverified("cannot read " + p.describe() + " back: " + e.getMessage());
        }
        if (!now.equals(Optional.of(want))) {
            return MoveProof.unverified(p.describe() + " holds " + now.orElse("nothing") + ", not " + want + " ("
                    + m.toVersion() + ")");
        }
        String push = p.kind() == TargetPointer.Kind.GTO ? "; push the tag with: " + GtoStageKind.push(p) : "";
        return new MoveProof(true, p.describe() + " → " + want + " (read back)" + push, null);
    }

    /** Why the pointer disagrees with a snapshot of the catalog, or null when it agrees. */
    String disagreement(VerifyService.TargetFacts f, TargetPointer p) {
        TargetRow t = f.target();
        if (!f.pendingEvents().isEmpty() && stillPendingAfterAWhile(t.id())) {
            return "the switch of " + t.name() + " of " + t.model() + " (" + p.describe()
                    + ") was interrupted; run 'rewind verify --repair'";
        }
        if (f.live() == null) {
            return null;
        }
        try {
            String want = catalog.read(tx -> kind(p).wanted(p, f.live(), tx.versions().provenance(f.live().id())));
            Optional<String> now = kind(p).read(p);
            if (!now.equals(Optional.of(want))) {
                return p.describe() + " holds " + now.orElse("nothing") + ", but the catalog says " + t.name() + " of "
                        + t.model() + " serves " + f.live().label() + " (" + want + "): it was moved outside Rewind";
            }
            return null;
        } catch (RewindException e) {
            return p.describe() + " of " + t.name() + " of " + t.model() + ": " + e.getMessage();
        }
    }

    /** Finishes every interrupted switch of an external pointer; returns one line per pointer brought in line. */
    List<String> finishPending() {
        List<String> out = new ArrayList<>();
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        catalog.read(tx -> tx.events().pendingSwitches()).forEach(s -> ids.add(s.targetId()));
        for (long id : ids) {
            TargetRow t = catalog.read(tx -> tx.targets().byId(id)).orElseThrow();
            Optional<TargetPointer> p = of(t);
            if (p.isPresent()) {
                try {
                    String line = sync(t, p.get(), null);
                    if (line != null) {
                        out.add(line);
                    }
                } catch (RewindException e) {
                    throw unfinished(t, p.get(), e);
                }
            }
        }
        return out;
    }

    /**
     * A switch pending in the snapshot may be a move in flight (it takes a moment to set an alias or create a tag):
     * only one still pending after a few seconds is called interrupted.
     */
    private boolean stillPendingAfterAWhile(long targetId) {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(3);
        while (stillPending(targetId)) {
            if (System.nanoTime() > until) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return false;
    }

    private boolean stillPending(long targetId) {
        return catalog.read(tx -> tx.events().pendingSwitches()).stream().anyMatch(s -> s.targetId() == targetId);
    }
}

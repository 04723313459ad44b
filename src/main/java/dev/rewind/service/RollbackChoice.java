package dev.rewind.service;

import dev.rewind.catalog.CatalogTx;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a rollback without a chosen version goes: the newest version tagged stable that is older than the live
 * one and not failed; without one, the version live before the current one, walking back past versions
 * tagged failed and versions that were rolled back from.
 */
final class RollbackChoice {
    record Choice(Version version, boolean lastStable) {
    }

    private RollbackChoice() {
    }

    static Choice choose(CatalogTx tx, String model, String target) {
        TargetRow t = Lookups.movable(tx, model, target);
        if (t.versionId() == null) {
            throw RewindException.refused(target + " of " + model + " serves nothing yet; there is nothing to roll back");
        }
        Version live = tx.versions().byId(t.versionId()).orElseThrow();
        Version stable = tx.versions().newestStableBefore(model, live.seq())
                .flatMap(id -> tx.versions().byId(id)).orElse(null);
        if (stable != null) {
            return new Choice(stable, true);
        }
        return new Choice(previousGood(tx, t), false);
    }

    private static Version previousGood(CatalogTx tx, TargetRow t) {
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
        throw RewindException.refused(t.name() + " of " + t.model() + " has no earlier good version to roll back to"
                + " (every earlier one is tagged failed or was rolled back from); use --to VERSION");
    }
}

package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.CatalogTx;
import dev.rewind.catalog.EventChain;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.PendingSwitch;
import dev.rewind.catalog.TargetRow;
import dev.rewind.catalog.VersionRepository;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.TargetPointer;
import dev.rewind.domain.Text;
import dev.rewind.domain.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks the catalog against PRODUCT.md's rules 1–6: storage integrity, the hash chain of the history,
 * every target's pointer against its newest move, stored artifacts against their checksums, and serving
 * directories and external pointers (MLflow aliases) against the catalog. With repair, it first brings serving dirs
 * and external pointers in line with the catalog, which finishes interrupted switches.
 */
public final class VerifyService {
    /** {@code notes} are facts worth knowing that are not problems (history from before signing). */
    public record Report(List<String> problems, List<String> repaired, List<String> notes) {
        public Report(List<String> problems, List<String> repaired) {
            this(problems, repaired, List.of());
        }

        public boolean clean() {
            return problems.isEmpty();
        }
    }

    private final Catalog catalog;
    private final ServingSync serving;
    private final PointerSync pointers;

    public VerifyService(Catalog catalog) {
        this(catalog, new dev.rewind.domain.Actor(System.getProperty("user.name", "rewind"), "localhost"));
    }

    /** {@code actor} tags a GTO assignment that repair makes. */
    public VerifyService(Catalog catalog, dev.rewind.domain.Actor actor) {
        this.catalog = catalog;
        this.serving = new ServingSync(catalog);
        this.pointers = new PointerSync(catalog, actor);
    }

    public Report verify(boolean repair) {
        List<String> repaired = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (repair) {
            for (TargetRow t : catalog.read(tx -> tx.targets().all())) {
                TargetPointer pointer = t.servingDir() == null ? pointers.of(t).orElse(null) : null;
                if (t.servingDir() == null && pointer == null) {
                    continue;
                }
                try {
                    String line = pointer != null ? pointers.sync(t, pointer, null) : serving.sync(t.model(), t.name());
                    if (line != null) {
                        repaired.add(line);
                    }
                } catch (RewindException e) {
                    problems.add("repair: " + e.getMessage());
                }
            }
        }
        problems.addAll(catalog.integrityCheck());
        // every catalog fact comes from one read transaction, so a concurrent move cannot tear them apart;
        // a damaged row stops only the part that met it, so every problem is still reported
        List<String> found = new ArrayList<>();
        Snapshot snap = catalog.read(tx -> {
            List<TargetFacts> targets = new ArrayList<>();
            Map<Long, Version> versions = new HashMap<>();
            String chain = guardedValue("history", found, () -> chainProblem(tx));
            guarded("rule 1", found, () -> {
                List<PendingSwitch> pending = tx.events().pendingSwitches();
                for (TargetRow t : tx.targets().all()) {
                    EventRecord last = tx.events().latestMove(t.id()).orElse(null);
                    for (Long id : new Long[] {t.versionId(), last == null ? null : last.toVersionId()}) {
                        if (id != null) {
                            versions.computeIfAbsent(id, k -> tx.versions().byId(k).orElse(null));
                        }
                    }
                    List<Long> mine = pending.stream().filter(p -> p.targetId() == t.id()).map(PendingSwitch::eventId)
                            .toList();
                    targets.add(new TargetFacts(t, last, t.versionId() == null ? null : versions.get(t.versionId()),
                            mine));
                }
            });
            List<VersionRepository.StoredArtifact> artifacts =
                    guardedValue("rule 3", found, () -> tx.versions().storedArtifacts());
            return new Snapshot(chain, targets, versions, artifacts == null ? List.of() : artifacts);
        });
        problems.addAll(found);
        if (snap.chainProblem() != null) {
            problems.add(snap.chainProblem());
        }
        guarded("rule 1", problems, () -> checkTargets(snap, problems));
        guarded("rule 3", problems, () -> checkArtifacts(snap, problems));
        ChainVerifier chain = new ChainVerifier(catalog);
        ChainVerifier.Findings sealed = guardedValue("history", problems, chain::verify);
        if (sealed != null) {
            problems.addAll(sealed.problems());
        }
        chain.record(problems);
        return new Report(problems, repaired, sealed == null ? List.of() : sealed.notes());
    }

    /** A damaged row stops only the check that met it: the others still run, and every problem is reported. */
    private static void guarded(String area, List<String> problems, Runnable check) {
        guardedValue(area, problems, () -> {
            check.run();
            return null;
        });
    }

    private static <T> T guardedValue(String area, List<String> problems, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (RewindException e) {
            problems.add(area + ": could not be checked to the end: " + e.getMessage());
            return null;
        }
    }

    /** One target as the snapshot saw it: its row, newest move, live version and unconfirmed switches. */
    record TargetFacts(TargetRow target, EventRecord lastMove, Version live, List<Long> pendingEvents) {
    }

    private record Snapshot(String chainProblem, List<TargetFacts> targets, Map<Long, Version> versions,
                            List<VersionRepository.StoredArtifact> artifacts) {
    }

    private static String chainProblem(CatalogTx tx) {
        String[] previous = {EventChain.GENESIS};
        String[] first = {null};
        tx.events().forEach(e -> {
            if (first[0] != null) {
                return;
            }
            if (!previous[0].equals(e.prevHash())) {
                first[0] = "history: event " + e.id() + " (" + e.kind().id() + " at " + Instant.ofEpochMilli(e.at())
                        + ") does not follow the event before it: an event before it was removed or altered";
            } else if (!EventChain.hash(e).equals(e.hash())) {
                first[0] = "history: event " + e.id() + " (" + e.kind().id() + " at " + Instant.ofEpochMilli(e.at())
                        + ") does not match its hash: it was altered after it was written";
            }
            previous[0] = e.hash();
        });
        return first[0];
    }

    private void checkTargets(Snapshot snap, List<String> problems) {
        for (TargetFacts f : snap.targets()) {
            TargetRow t = f.target();
            EventRecord last = f.lastMove();
            Long expected = last == null ? null : last.toVersionId();
            if (!Objects.equals(expected, t.versionId())) {
                problems.add("rule 1: " + t.name() + " of " + t.model() + " points at " + label(snap, t.versionId())
                        + " but its newest deploy/rollback (event " + (last == null ? "-" : last.id()) + ") says "
                        + label(snap, expected));
            }
            TargetPointer pointer = t.servingDir() == null ? pointers.of(t).orElse(null) : null;
            String d = pointer != null ? pointers.disagreement(f, pointer) : serving.disagreement(f);
            if (d != null) {
                problems.add("rule 6: " + d);
            }
        }
    }

    private static String label(Snapshot snap, Long versionId) {
        if (versionId == null) {
            return "nothing";
        }
        Version v = snap.versions().get(versionId);
        return v == null ? "#" + versionId : v.label();
    }

    private void checkArtifacts(Snapshot snap, List<String> problems) {
        if (!snap.artifacts().isEmpty() && !catalog.artifacts().present()) {
            // one line for the folder, not one per version: a catalog copied without its artifacts/ beside it
            long distinct = snap.artifacts().stream().map(u -> u.artifact().sha256()).distinct().count();
            problems.add("rule 3: the artifact store " + catalog.artifacts().root() + " is missing ("
                    + Text.count(distinct, "artifact") + " expected); copy the artifacts folder"
                    + " beside the catalog file");
            return;
        }
        Map<String, String> checked = new HashMap<>();
        for (var use : snap.artifacts()) {
            String problem = checked.computeIfAbsent(use.artifact().sha256(),
                    sha -> Objects.requireNonNullElse(catalog.artifacts().problemWith(use.artifact()), ""));
            if (!problem.isEmpty()) {
                problems.add("rule 3: " + use.model() + " " + use.label() + ": " + problem);
            }
        }
    }
}

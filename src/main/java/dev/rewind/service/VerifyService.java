package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.EventChain;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.PendingSwitch;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.RewindException;
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
 * directories against the catalog. With repair, it first finishes interrupted serving-dir switches.
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

    public VerifyService(Catalog catalog) {
        this.catalog = catalog;
        this.serving = new ServingSync(catalog);
    }

    public Report verify(boolean repair) {
        List<String> repaired = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (repair) {
            for (TargetRow t : catalog.read(tx -> tx.targets().all())) {
                if (t.servingDir() == null) {
                    continue;
                }
                try {
                    String line = serving.sync(t.model(), t.name());
                    if (line != null) {
                        repaired.add(line);
                    }
                } catch (RewindException e) {
                    problems.add("repair: " + e.getMessage());
                }
            }
        }
        problems.addAll(catalog.integrityCheck());
        checkChain(problems);
        checkTargets(problems);
        checkArtifacts(problems);
        ChainVerifier chain = new ChainVerifier(catalog);
        ChainVerifier.Findings sealed = chain.verify();
        problems.addAll(sealed.problems());
        chain.record(problems);
        return new Report(problems, repaired, sealed.notes());
    }

    private void checkChain(List<String> problems) {
        String[] previous = {EventChain.GENESIS};
        String[] first = {null};
        catalog.read(tx -> {
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
            return null;
        });
        if (first[0] != null) {
            problems.add(first[0]);
        }
    }

    private void checkTargets(List<String> problems) {
        List<TargetRow> targets = catalog.read(tx -> tx.targets().all());
        List<PendingSwitch> pending = catalog.read(tx -> tx.events().pendingSwitches());
        for (TargetRow t : targets) {
            EventRecord last = catalog.read(tx -> tx.events().latestMove(t.id())).orElse(null);
            Long expected = last == null ? null : last.toVersionId();
            if (!Objects.equals(expected, t.versionId())) {
                problems.add("rule 1: " + t.name() + " of " + t.model() + " points at " + label(t.versionId())
                        + " but its newest deploy/rollback (event " + (last == null ? "-" : last.id()) + ") says "
                        + label(expected));
            }
            boolean interrupted = pending.stream().anyMatch(p -> p.targetId() == t.id());
            if (interrupted) {
                problems.add("rule 6: the switch of " + t.name() + " of " + t.model()
                        + "'s serving dir was interrupted; run 'rewind verify --repair'");
            } else {
                String d = serving.disagreement(t);
                if (d != null) {
                    problems.add("rule 6: " + d);
                }
            }
        }
    }

    private String label(Long versionId) {
        if (versionId == null) {
            return "nothing";
        }
        return catalog.read(tx -> tx.versions().byId(versionId)).map(Version::label).orElse("#" + versionId);
    }

    private void checkArtifacts(List<String> problems) {
        Map<String, String> checked = new HashMap<>();
        for (var use : catalog.read(tx -> tx.versions().storedArtifacts())) {
            String problem = checked.computeIfAbsent(use.artifact().sha256(),
                    sha -> Objects.requireNonNullElse(catalog.artifacts().problemWith(use.artifact()), ""));
            if (!problem.isEmpty()) {
                problems.add("rule 3: " + use.model() + " " + use.label() + ": " + problem);
            }
        }
    }
}

package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.ChainFacts;
import dev.rewind.catalog.ChainHead;
import dev.rewind.catalog.ChainRepository;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.HeadFile;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check before every move, cheap enough to run each time: the head file names no failed verification, its
 * newest event is still there, events written since the last check are intact and signed, and the target and
 * the version moved to are as their signed history says (so a removed {@code failed} tag or a swapped checksum
 * cannot slip through). A clean check moves the head file's "checked up to" mark forward.
 */
final class MoveGuard {
    /** Events read at a time while looking for the signature that seals an event. */
    private static final int PAGE = 256;

    private final Catalog catalog;
    private final HeadFile headFile;

    MoveGuard(Catalog catalog) {
        this.catalog = catalog;
        this.headFile = new HeadFile(catalog.location());
    }

    private record Result(String problem, String catalogId, long checkedTo) {
    }

    void requireSound(TargetRow target, Version to) {
        ChainRepository.Info info = catalog.read(tx -> tx.chain().info());
        Optional<ChainHead> head = ChainWitness.head(headFile, info.catalogId());
        List<ChainWitness.Mark> marks = ChainWitness.capture(headFile, info.catalogId(), List.of());
        Result r = catalog.read(tx -> {
            ChainRepository c = tx.chain();
            if (head.isPresent() && head.get().failed() != null) {
                return new Result("the last 'rewind verify' found: " + head.get().failed(), info.catalogId(), 0);
            }
            EventSeals seals = new EventSeals(c.keys(), info.firstSealedEvent());
            long from = head.map(ChainHead::verifiedTo).orElse(0L);
            List<EventRecord> recent = c.eventsAfter(Math.max(0, from - 1), -1);
            List<EventRecord> about = new ArrayList<>(c.eventsOfVersion(to.id()));
            // the target's newest covering event says what its serving dir and rules are now; its moves are
            // rule 1's (checked by verify)
            List<EventRecord> rules = c.eventsOfTarget(target.id()).stream().filter(ChainFacts::coversTarget).toList();
            rules.stream().filter(e -> e.factsDigest() != null).reduce((a, b) -> b)
                    .or(() -> rules.stream().reduce((a, b) -> b)).ifPresent(about::add);
            String problem = seals.runProblem(recent, id -> List.of());
            for (EventRecord e : about) {
                problem = problem != null ? problem : seals.runProblem(List.of(e), id -> c.eventsAfter(id, PAGE));
                if (problem == null && ChainFacts.coversVersion(e) && e.factsDigest() != null
                        && !e.factsDigest().equals(c.versionDigest(e.versionId()))) {
                    problem = "facts: version " + to.label() + " differs from what " + EventSeals.describe(e) + " signed";
                }
                if (problem == null && ChainFacts.coversTarget(e) && e.factsDigest() != null
                        && !c.targetDigests(e.targetId()).contains(e.factsDigest())) {
                    problem = "facts: target " + target.name() + " differs from what " + EventSeals.describe(e) + " signed";
                }
            }
            if (problem == null) {
                boolean registeredSealed = about.stream().anyMatch(e -> ChainFacts.coversVersion(e) && e.factsDigest() != null);
                List<String> tags = TagFold.disagreements(to.label(), registeredSealed
                        ? c.initialTags().getOrDefault(to.id(), Map.of()) : null, about,
                        tx.versions().byId(to.id()).map(Version::tags).orElse(Map.of()));
                problem = tags.isEmpty() ? null : tags.get(0);
            }
            if (problem == null) {
                List<String> w = ChainWitness.problems(marks, id -> c.hashOf(id).orElse(null), recent.isEmpty() ? from
                        : recent.get(recent.size() - 1).id(), c.keys());
                problem = w.isEmpty() ? null : w.get(0);
            }
            long checked = recent.isEmpty() ? from : recent.get(recent.size() - 1).id();
            return new Result(problem, info.catalogId(), checked);
        });
        if (r.problem() != null) {
            throw RewindException.refused("the catalog fails verification, so moves are refused until"
                    + " 'rewind verify' is clean: " + r.problem() + "; nothing changed");
        }
        headFile.read().filter(h -> h.catalogId().equals(r.catalogId()) && h.verifiedTo() < r.checkedTo())
                .ifPresent(h -> headFile.write(h.checked(r.checkedTo(), null)));
    }
}

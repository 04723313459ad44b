package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.ChainFacts;
import dev.rewind.catalog.ChainHead;
import dev.rewind.catalog.ChainRepository;
import dev.rewind.catalog.EventChain;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.HeadFile;
import dev.rewind.catalog.TargetRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that history cannot have been rewritten unnoticed: every event signed by a known key of its actor,
 * every version's and target's stored facts equal to what their first event signed, every version's tags the
 * fold of its tag events, and the newest event still the one the witnesses outside the catalog recorded.
 * Links and hashes are {@link VerifyService}'s; this adds what a recomputed chain cannot fake.
 */
public final class ChainVerifier {
    /** Problems that mean the history or a covered fact was tampered with: they block moves until fixed. */
    static final List<String> TAMPER_PREFIXES = List.of("history:", "facts:", "tags:", "witness:");

    /** What a target's covering event commits to. */
    static final String TARGET_FACTS = "model, name, serving dir, external pointer, protection, metric guards or"
            + " post-switch check";

    public record Findings(List<String> problems, List<String> notes) {
    }

    /** How many events go by between two calls of the breather. */
    private static final int BREATH_EVERY = 256;

    private final Catalog catalog;
    private final HeadFile headFile;
    private final Runnable breather;
    private long seen;

    public ChainVerifier(Catalog catalog) {
        this(catalog, () -> { });
    }

    /**
     * {@code breather} runs every few thousand events and may block: the window's background check waits in it
     * while a model loads, so a check of a million events does not take a core from what the person asked for.
     */
    public ChainVerifier(Catalog catalog, Runnable breather) {
        this.catalog = catalog;
        this.headFile = new HeadFile(catalog.location());
        this.breather = breather;
    }

    private void breathe() {
        if (seen++ % BREATH_EVERY == 0) { // the first event too: a check waits before it starts
            breather.run();
        }
    }

    private record Snapshot(ChainRepository.Info info, Map<String, ChainRepository.KeyRow> keys,
                            List<EventRecord> events, Map<Long, String> versions, List<TargetRow> targets,
                            Map<Long, Map<String, String>> tags, Map<Long, Map<String, String>> registeredTags,
                            Map<Long, String> versionDigests, Map<Long, List<String>> targetDigests) {
    }

    /** As {@link #verify()}, also naming the first event whose link or hash is broken (VerifyService does that itself). */
    public Findings verifyWithLinks() {
        List<String> links = new ArrayList<>();
        String[] previous = {null};
        catalog.read(tx -> {
            tx.events().forEach(e -> {
                breathe();
                if (links.isEmpty()) {
                    add(links, EventSeals.linkProblem(e, previous[0] == null ? EventChain.GENESIS : previous[0]));
                }
                previous[0] = e.hash();
            });
            return null;
        });
        Findings rest = verify();
        links.addAll(rest.problems());
        return new Findings(links, rest.notes());
    }

    public Findings verify() {
        ChainRepository.Info before = catalog.read(tx -> tx.chain().info());
        List<ChainWitness.Mark> marks = ChainWitness.capture(headFile, before.catalogId(),
                catalog.read(tx -> tx.targets().all()));
        Snapshot s = catalog.read(tx -> {
            ChainRepository c = tx.chain();
            List<EventRecord> events = new ArrayList<>();
            tx.events().forEach(e -> {
                breathe();
                events.add(e);
            });
            Map<Long, String> vd = new HashMap<>();
            Map<Long, List<String>> td = new HashMap<>();
            for (EventRecord e : events) {
                breathe();
                if (ChainFacts.coversVersion(e) && e.factsDigest() != null) {
                    vd.put(e.versionId(), c.versionDigest(e.versionId()));
                } else if (ChainFacts.coversTarget(e) && e.factsDigest() != null && !td.containsKey(e.targetId())) {
                    td.put(e.targetId(), c.targetDigests(e.targetId()));
                }
            }
            return new Snapshot(c.info(), c.keys(), events, c.versionNames(), tx.targets().all(), c.tags(),
                    c.initialTags(), vd, td);
        });
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        checkEvents(s, problems, notes);
        Map<Long, String> hashes = new HashMap<>();
        s.events().forEach(e -> {
            breathe();
            hashes.put(e.id(), e.hash());
        });
        long newest = s.events().isEmpty() ? 0 : s.events().get(s.events().size() - 1).id();
        problems.addAll(ChainWitness.problems(marks, hashes::get, newest, s.keys()));
        return new Findings(problems, notes);
    }

    private void checkEvents(Snapshot s, List<String> problems, List<String> notes) {
        EventSeals seals = new EventSeals(s.keys(), s.info().firstSealedEvent());
        Set<Long> registered = new HashSet<>();
        Set<Long> sealedVersions = new HashSet<>();
        Set<Long> addedTargets = new HashSet<>();
        Map<Long, List<EventRecord>> byVersion = new HashMap<>();
        // a target's rules change over time: only its newest covering event says what they are now
        Map<Long, EventRecord> newestOfTarget = new java.util.TreeMap<>();
        int unsigned = 0;
        int uncovered = 0;
        EventRecord open = null;
        for (EventRecord e : s.events()) {
            breathe();
            // an event that does not match its hash is named by VerifyService's link check
            if (e.signature() == null && e.keyId() != null) {
                add(problems, seals.signatureProblem(e, e.id()));
            }
            if (e.signature() != null) {
                add(problems, EventSeals.linkProblem(e, null) != null ? null
                        : seals.signatureProblem(e, open == null ? e.id() : open.id()));
                open = null;
            } else if (seals.needsSeal(e)) {
                open = open == null ? e : open;
            } else {
                unsigned++;
            }
            if (ChainFacts.coversVersion(e)) {
                registered.add(e.versionId());
                if (e.factsDigest() == null) {
                    uncovered++;
                    add(problems, e.id() < s.info().firstSealedEvent() ? null : "facts: " + EventSeals.describe(e)
                            + " carries no digest of the version's facts");
                } else if (sealedVersions.add(e.versionId())) {
                    add(problems, differs(e, s.versionDigests().get(e.versionId()),
                            "version " + s.versions().getOrDefault(e.versionId(), "#" + e.versionId()),
                            "identity, artifact checksum or size, metrics, params or registered tags"));
                }
            } else if (ChainFacts.coversTarget(e)) {
                addedTargets.add(e.targetId());
                if (e.factsDigest() != null) {
                    newestOfTarget.put(e.targetId(), e);
                }
            }
            if (e.versionId() != null) {
                byVersion.computeIfAbsent(e.versionId(), k -> new ArrayList<>()).add(e);
            }
        }
        if (open != null) {
            problems.add(EventSeals.unsealed(open, s.events().get(s.events().size() - 1).id()));
        }
        Map<Long, String> targetNames = new HashMap<>();
        s.targets().forEach(t -> targetNames.put(t.id(), t.name() + " of " + t.model()));
        newestOfTarget.forEach((id, e) -> add(problems, differs(e, s.targetDigests().get(id),
                "target " + targetNames.getOrDefault(id, "#" + id), TARGET_FACTS)));
        s.versions().forEach((id, name) -> {
            breathe();
            if (!registered.contains(id)) {
                problems.add("facts: version " + name + " has no register event: it was added behind Rewind's back");
            }
            problems.addAll(TagFold.disagreements(name, sealedVersions.contains(id)
                            ? s.registeredTags().getOrDefault(id, Map.of()) : null,
                    byVersion.getOrDefault(id, List.of()), s.tags().getOrDefault(id, Map.of())));
        });
        for (TargetRow t : s.targets()) {
            if (!addedTargets.contains(t.id())) {
                problems.add("facts: target " + t.name() + " of " + t.model() + " has no event that added it:"
                        + " it was added behind Rewind's back");
            }
        }
        if (unsigned > 0 || uncovered > 0) {
            notes.add("not covered (written before V5): " + unsigned + " unsigned events and " + uncovered
                    + " versions without a digest of their facts predate signed history; they are covered"
                    + " by the chain from the upgrade on");
        }
    }

    private static String differs(EventRecord e, List<String> accepted, String what, String facts) {
        if (accepted == null || accepted.isEmpty()) {
            return "facts: " + what + " named by " + EventSeals.describe(e) + " is gone";
        }
        return accepted.contains(e.factsDigest()) ? null : differs(e, accepted.get(0), what, facts);
    }

    private static String differs(EventRecord e, String now, String what, String facts) {
        if (now == null) {
            return "facts: " + what + " named by " + EventSeals.describe(e) + " is gone";
        }
        return now.equals(e.factsDigest()) ? null : "facts: " + what + " differs from what " + EventSeals.describe(e)
                + " signed: its " + facts + " changed behind Rewind's back";
    }

    private static void add(List<String> problems, String p) {
        if (p != null) {
            problems.add(p);
        }
    }

    /**
     * Records a full verification's outcome in the head file: moves are refused while it names a failure.
     * Problems of other kinds (an unreadable artifact, a serving dir out of step) do not block moves.
     */
    public void record(List<String> problems) {
        String failure = problems.stream().filter(p -> TAMPER_PREFIXES.stream().anyMatch(p::startsWith))
                .findFirst().orElse(null);
        catalog.read(tx -> {
            String id = tx.chain().info().catalogId();
            // verify is a read command: it updates the witness a write left, and never creates one (nor rewrites
            // it unchanged), so the catalog's folder is left as it was
            headFile.read().filter(h -> h.catalogId().equals(id)).ifPresent(h -> {
                ChainHead next = h.checked(failure == null ? h.eventId() : h.verifiedTo(), failure);
                if (!next.equals(h)) {
                    headFile.write(next);
                }
            });
            return null;
        });
    }
}

package dev.rewind.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.ConflictException;
import dev.rewind.domain.Event;
import dev.rewind.domain.MoveOverride;
import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;
import dev.rewind.service.RegisterRequest;
import dev.rewind.support.Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random sequences of register, tag, untag, deploy and rollback (some with a stale --expect); after
 * every step rules 1–4 must hold: pointers equal their newest move, the history only grows and never changes,
 * versions keep their identity, and a stale compare-and-set changes nothing.
 */
class RulesPropertyTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20261126})
    void rulesHoldAfterEveryStep(long seed) throws Exception {
        Random rnd = new Random(seed);
        try (Fixture f = new Fixture(dir)) {
            List<String> labels = new ArrayList<>(List.of("1.0", "1.1", "2.0"));
            List<String> hashes = new ArrayList<>();
            Map<String, String> identities = new HashMap<>();
            snapshot(f, hashes, identities);
            for (int step = 0; step < 120; step++) {
                int events = hashes.size();
                String target = rnd.nextBoolean() ? "production" : "staging";
                String live = f.live(target);
                boolean stale = false;
                boolean succeeded = true;
                try {
                    switch (rnd.nextInt(6)) {
                        case 0 -> {
                            String label = "3." + step;
                            Path art = Files.writeString(dir.resolve("a" + step), "bytes " + rnd.nextInt(4));
                            f.services.registry().register(new RegisterRequest("m", label, art, List.of(), null, null,
                                    null, null, null));
                            labels.add(label);
                        }
                        case 1 -> f.services.registry().tag("m", pick(rnd, labels), rnd.nextBoolean() ? "failed" : "stable",
                                null, "step " + step);
                        case 2 -> f.services.registry().untag("m", pick(rnd, labels), "failed", "step " + step);
                        case 3 -> {
                            MoveRequest r = MoveRequest.of("m", target, pick(rnd, labels))
                                    .expecting(Optional.ofNullable(live)).because("step " + step);
                            f.services.deployments().deploy(rnd.nextInt(4) == 0
                                    ? r.overriding(MoveOverride.FAILED_VERSION) : r);
                        }
                        case 4 -> {
                            MoveRequest r = MoveRequest.of("m", target, null).because("step " + step);
                            f.services.deployments().rollback(live == null ? r : r.expecting(Optional.of(live)));
                        }
                        default -> {
                            stale = true;
                            String wrong = labels.stream().filter(l -> !l.equals(live)).findFirst().orElseThrow();
                            f.services.deployments().deploy(MoveRequest.of("m", target, pick(rnd, labels))
                                    .expecting(Optional.of(wrong)).because("stale")
                                    .overriding(MoveOverride.FAILED_VERSION));
                        }
                    }
                } catch (ConflictException e) {
                    succeeded = false;
                    assertThat(e.liveVersion()).isEqualTo(live);
                } catch (RewindException e) {
                    succeeded = false;
                    assertThat(e.exitCode()).isIn(1, 2);
                }
                assertThat(stale && succeeded).as("rule 4: a stale expectation never succeeds").isFalse();
                List<String> before = new ArrayList<>(hashes);
                Map<String, String> identitiesBefore = new HashMap<>(identities);
                snapshot(f, hashes, identities);
                // rule 2: the history only grows, by one event per successful step, and old events never change
                assertThat(hashes).hasSize(events + (succeeded ? 1 : 0));
                assertThat(hashes.subList(0, before.size())).isEqualTo(before);
                // rule 3: no version's identity or artifact changed
                identitiesBefore.forEach((label, identity) -> assertThat(identities.get(label)).isEqualTo(identity));
                // rule 1 (and the chain, artifacts and serving dir): verify finds nothing
                assertThat(f.services.verifier().verify(false).problems()).as("seed %d step %d", seed, step).isEmpty();
            }
        }
    }

    private static String pick(Random rnd, List<String> labels) {
        return labels.get(rnd.nextInt(labels.size()));
    }

    private static void snapshot(Fixture f, List<String> hashes, Map<String, String> identities) {
        List<Event> events = new ArrayList<>(f.services.history().history("m", null));
        java.util.Collections.reverse(events);
        hashes.clear();
        events.forEach(e -> hashes.add(e.hash()));
        identities.clear();
        for (Version v : f.services.registry().versions("m")) {
            identities.put(v.label(), v.id() + "|" + v.seq() + "|" + v.createdAt() + "|" + v.artifact());
        }
    }
}

package dev.rewind.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.ConflictException;
import dev.rewind.domain.Event;
import dev.rewind.domain.MetricGuard;
import dev.rewind.domain.MetricValue;
import dev.rewind.domain.Move;
import dev.rewind.domain.MoveOverride;
import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.TargetPolicy;
import dev.rewind.domain.Version;
import dev.rewind.service.RegisterRequest;
import dev.rewind.support.CatalogBackend;
import dev.rewind.support.Fixture;
import dev.rewind.support.PgSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Seeded random sequences of register, tag, untag, deploy and rollback (some with a stale --expect, some with
 * overrides, missing or multi-line reasons), protecting and unprotecting targets and setting metric guards; after
 * every step rules 1–4 must hold: pointers equal their newest move, the history only grows and never changes,
 * versions keep their identity, and a stale compare-and-set changes nothing. And the move policy holds: a move of
 * a protected target has a one-line reason, a failed version or one that misses a guard is reached only with the
 * override, and the event records exactly the overrides used.
 */
@ExtendWith(PgSandbox.class)
class RulesPropertyTest {
    @TempDir
    Path dir;

    /** Each seed on SQLite and on PostgreSQL. */
    static final class Seeds implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            return CatalogBackend.times(context, 1L, 2L, 3L, 42L, 20261126L);
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @ArgumentsSource(Seeds.class)
    void rulesHoldAfterEveryStep(CatalogBackend backend, long seed) throws Exception {
        Random rnd = new Random(seed);
        try (Fixture f = new Fixture(dir, backend)) {
            List<String> labels = new ArrayList<>(List.of("1.0", "1.1", "2.0"));
            List<String> hashes = new ArrayList<>();
            Map<String, String> identities = new HashMap<>();
            snapshot(f, hashes, identities);
            for (int step = 0; step < 120; step++) {
                int events = hashes.size();
                String target = rnd.nextBoolean() ? "production" : "staging";
                String live = f.live(target);
                TargetPolicy policy = f.services.targetRules().policy("m", target);
                boolean stale = false;
                boolean succeeded = true;
                boolean recorded = true;
                Move move = null;
                MoveRequest asked = null;
                try {
                    switch (rnd.nextInt(9)) {
                        case 0 -> {
                            String label = "3." + step;
                            Path art = Files.writeString(dir.resolve("a" + step), "bytes " + rnd.nextInt(4));
                            List<MetricValue> metrics = rnd.nextBoolean() ? List.of()
                                    : List.of(MetricValue.summary("auc", 0.8 + rnd.nextInt(20) / 100.0));
                            f.services.registry().register(new RegisterRequest("m", label, art, metrics, null, null,
                                    null, null, null));
                            labels.add(label);
                        }
                        case 1 -> f.services.registry().tag("m", pick(rnd, labels), rnd.nextBoolean()
                                        ? (rnd.nextBoolean() ? "failed" : "Failed") : "stable", null, "step " + step);
                        case 2 -> f.services.registry().untag("m", pick(rnd, labels), "failed",
                                rnd.nextBoolean() ? "step " + step : null);
                        case 3, 4 -> {
                            asked = MoveRequest.of("m", target, pick(rnd, labels))
                                    .expecting(Optional.ofNullable(live)).because(reason(rnd, step));
                            for (MoveOverride o : MoveOverride.values()) {
                                if (rnd.nextInt(3) == 0) {
                                    asked = asked.overriding(o);
                                }
                            }
                            move = f.services.deployments().deploy(asked);
                            recorded = move.changed();
                        }
                        case 5 -> {
                            MoveRequest r = MoveRequest.of("m", target, null).because(reason(rnd, step));
                            asked = live == null ? r : r.expecting(Optional.of(live));
                            if (rnd.nextBoolean()) {
                                asked = asked.overriding(MoveOverride.GUARD);
                            }
                            move = f.services.deployments().rollback(asked);
                            recorded = move.changed();
                        }
                        case 6 -> f.services.targetRules().protect("m", target, !policy.protectedTarget(),
                                reason(rnd, step));
                        case 7 -> f.services.targetRules().guard("m", target, rnd.nextBoolean() ? List.of()
                                : List.of(new MetricGuard("auc", 0.85 + rnd.nextInt(10) / 100.0, null)), "step " + step);
                        default -> {
                            stale = true;
                            String wrong = labels.stream().filter(l -> !l.equals(live)).findFirst().orElseThrow();
                            f.services.deployments().deploy(MoveRequest.of("m", target, pick(rnd, labels))
                                    .expecting(Optional.of(wrong)).because("stale")
                                    .overriding(MoveOverride.FAILED_VERSION).overriding(MoveOverride.GUARD));
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
                if (move != null && move.changed()) {
                    Version to = f.services.registry().show("m", move.toVersion());
                    Event e = f.services.history().history("m", target).get(0);
                    assertThat(e.id()).isEqualTo(move.eventId());
                    // protection: every move of a protected target carries a one-line, non-blank reason
                    if (policy.protectedTarget()) {
                        assertThat(asked.reason()).as("seed %d step %d", seed, step).isNotBlank().doesNotContain("\n");
                    }
                    // overrides: a failed version, or one missing a guard, is reached only with the override,
                    // and the event records it
                    if (to.failed()) {
                        assertThat(asked.overrides()).contains(MoveOverride.FAILED_VERSION);
                        assertThat(e.overrides()).contains(MoveOverride.FAILED_VERSION);
                    }
                    boolean missesGuard = policy.guards().stream().anyMatch(g -> g.failure(to.metrics()) != null);
                    assertThat(e.overrides().contains(MoveOverride.GUARD)).isEqualTo(missesGuard);
                    if (missesGuard) {
                        assertThat(asked.overrides()).contains(MoveOverride.GUARD);
                    }
                }
                List<String> before = new ArrayList<>(hashes);
                Map<String, String> identitiesBefore = new HashMap<>(identities);
                snapshot(f, hashes, identities);
                // rule 2: the history only grows, by one event per successful step, and old events never change
                // (a move to the version already live succeeds without an event)
                assertThat(hashes).hasSize(events + (succeeded && recorded ? 1 : 0));
                assertThat(hashes.subList(0, before.size())).isEqualTo(before);
                // rule 3: no version's identity or artifact changed
                identitiesBefore.forEach((label, identity) -> assertThat(identities.get(label)).isEqualTo(identity));
                // rule 1 (and the chain, artifacts and serving dir): verify finds nothing
                assertThat(f.services.verifier().verify(false).problems()).as("seed %d step %d", seed, step).isEmpty();
            }
        }
    }

    /** A reason as people give it: usually fine, sometimes missing, blank or with a forged second line. */
    private static String reason(Random rnd, int step) {
        return switch (rnd.nextInt(6)) {
            case 0 -> null;
            case 1 -> "  ";
            case 2 -> "step " + step + "\n2026-01-01 admin deploy ok";
            default -> "step " + step;
        };
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

package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.Actor;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.Move;
import dev.rewind.domain.MoveProof;
import dev.rewind.domain.Names;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.TargetCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Targets' post-switch checks: setting them, and running one after a move and recording the outcome. */
final class PostSwitchChecks {
    private final Catalog catalog;
    private final Actor actor;
    private final Clock clock;
    private final CheckRunner runner = new CheckRunner();

    PostSwitchChecks(Catalog catalog, Actor actor, Clock clock) {
        this.catalog = catalog;
        this.actor = actor;
        this.clock = clock;
    }

    /** Runs the target's post-switch check, if it has one, and records the proof beside the move's event. */
    Move runAndRecord(Move m, TargetRow t) {
        MoveProof proof = m.proof();
        TargetCheck check = catalog.read(tx -> tx.proofs().check(t.id())).orElse(null);
        if (check != null) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("REWIND_MODEL", m.model());
            env.put("REWIND_TARGET", m.target());
            env.put("REWIND_VERSION", m.toVersion());
            env.put("REWIND_SERVING_PATH", m.servingDir() == null ? ""
                    : Path.of(m.servingDir()).resolve(ServingDirectory.CURRENT).toString());
            proof = proof.withCheck(runner.run(check, env));
        }
        MoveProof recorded = proof;
        catalog.write(tx -> {
            tx.proofs().record(m.eventId(), clock.millis(), recorded);
            return null;
        });
        return m.withProof(recorded);
    }

    /** Sets (or with null, removes) a target's post-switch check; recorded as a {@code target} event. */
    void set(String model, String target, TargetCheck check) {
        if (check != null) {
            Names.text("check command", check.command(), RegistryService.MAX_TEXT);
            if (check.command() == null || check.command().isBlank()) {
                throw RewindException.badInput("a check needs a command");
            }
            if (check.timeout().isNegative() || check.timeout().isZero()) {
                throw RewindException.badInput("a check's timeout must be positive");
            }
        }
        catalog.write(tx -> {
            TargetRow t = Lookups.movable(tx, model, target);
            tx.proofs().setCheck(t.id(), check);
            tx.events().append(EventRecord.draft(clock.millis(), EventKind.TARGET, t.modelId(), t.id(), null, null,
                    null, null, null, check == null ? "post-switch check removed" : "post-switch check: "
                            + check.command() + " (timeout " + check.timeout().toSeconds() + " s)",
                    actor.user(), actor.host()));
            return null;
        });
    }

    /** A target's post-switch check, if it has one. */
    Optional<TargetCheck> of(String model, String target) {
        return catalog.read(tx -> tx.proofs().check(Lookups.target(tx, model, target).id()));
    }
}

package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.Abilities.Ability;
import dev.rewind.domain.Actor;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.MetricGuard;
import dev.rewind.domain.Reasons;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.TargetPolicy;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/** A target's rules for moves onto it: protection and metric guards. Each change is a recorded event. */
public final class TargetRules {
    private final Catalog catalog;
    private final Actor actor;
    private final Clock clock;

    public TargetRules(Catalog catalog, Actor actor, Clock clock) {
        this.catalog = catalog;
        this.actor = actor;
        this.clock = clock;
    }

    /** Marks the target protected (or not); refused when it already is (is not); the reason is required. */
    public void protect(String model, String target, boolean on, String reason) {
        catalog.abilities().require(Ability.RELEASE, on ? "protecting a target" : "unprotecting a target");
        Reasons.require("reason", reason, (on ? "protecting " : "unprotecting ") + target + " is recorded with why");
        catalog.write(tx -> {
            TargetRow t = Lookups.movable(tx, model, target);
            if (t.protectedTarget() == on) {
                throw RewindException.refused(target + " of " + model + " is " + (on ? "already" : "not")
                        + " protected; nothing changed");
            }
            tx.targets().setProtected(t.id(), on);
            tx.events().append(EventRecord.draft(clock.millis(), on ? EventKind.PROTECT : EventKind.UNPROTECT,
                    t.modelId(), t.id(), null, null, null, null, null, reason, actor.user(), actor.host()));
            return null;
        });
    }

    /**
     * Retires the target: recorded with the reason (required), refused while it is protected or when it already is
     * retired. It keeps its history and its row; lists leave it out and moves to it are refused.
     */
    public void retire(String model, String target, String reason) {
        catalog.abilities().require(Ability.DEPLOY, "retiring a target");
        Reasons.require("reason", reason, "retiring " + target + " is recorded with why");
        catalog.write(tx -> {
            TargetRow t = Lookups.movable(tx, model, target);
            if (t.protectedTarget()) {
                throw RewindException.refused(t.name() + " of " + t.model() + " is protected and cannot be retired;"
                        + " unprotect it first (rewind target unprotect " + t.model() + " " + t.name()
                        + " --reason ...)");
            }
            tx.targets().retire(t.id());
            tx.events().append(EventRecord.draft(clock.millis(), EventKind.RETIRE, t.modelId(), t.id(), null, null,
                    null, null, null, reason, actor.user(), actor.host()));
            return null;
        });
    }

    /** Replaces the target's metric guards (empty: clears them); recorded with the guards as the event's value. */
    public void guard(String model, String target, List<MetricGuard> guards, String reason) {
        catalog.abilities().require(Ability.RELEASE, "changing a target's guards");
        Reasons.check("reason", reason);
        catalog.write(tx -> {
            TargetRow t = Lookups.movable(tx, model, target);
            tx.targets().setGuards(t.id(), guards);
            tx.events().append(EventRecord.draft(clock.millis(), EventKind.GUARD, t.modelId(), t.id(), null, null,
                    null, null, describe(guards), reason, actor.user(), actor.host()));
            return null;
        });
    }

    public TargetPolicy policy(String model, String target) {
        return catalog.read(tx -> {
            TargetRow t = Lookups.target(tx, model, target);
            return new TargetPolicy(t.protectedTarget(), tx.targets().guards(t.id()));
        });
    }

    /** e.g. "auc ≥ 0.9, latency_ms ≤ 50"; "none" when cleared. */
    public static String describe(List<MetricGuard> guards) {
        return guards.isEmpty() ? "none" : guards.stream().map(MetricGuard::describe).collect(Collectors.joining(", "));
    }
}

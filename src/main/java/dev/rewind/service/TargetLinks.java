package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.CatalogTx;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.Abilities.Ability;
import dev.rewind.domain.Actor;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.Names;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.TargetPointer;
import dev.rewind.domain.TargetState;
import dev.rewind.domain.Text;
import dev.rewind.domain.Version;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives a target the pointer outside Rewind its moves set: with the target ({@code target add --kind}) or later, once,
 * to a target that has neither pointer nor serving dir ({@code target link}), such as one an MLflow import created.
 * Both go through {@link #admit}, the one rule for which pointer a target may have.
 */
final class TargetLinks {
    private final Catalog catalog;
    private final Actor actor;
    private final Clock clock;
    private final PointerSync pointers;

    TargetLinks(Catalog catalog, Actor actor, Clock clock, PointerSync pointers) {
        this.catalog = catalog;
        this.actor = actor;
        this.clock = clock;
        this.pointers = pointers;
    }

    /**
     * Refuses, in one line, a pointer a target of {@code model} could not move: its registry must be usable now and
     * hold the pointer's model (MLflow: a store with aliases), some version of {@code model} must have been imported
     * from it, and a target that already serves a version ({@code live}, null: none) must find the pointer holding
     * that version, so that giving the target its pointer never makes {@code verify} report a difference.
     */
    void admit(TargetPointer p, String model, Long live) {
        String where = p.kind() == TargetPointer.Kind.GTO ? "GTO " : "MLflow ";
        Text.line(where + "store", p.store(), 4096);
        Text.line(where + (p.kind() == TargetPointer.Kind.GTO ? "artifact" : "model"), p.name(), Names.MAX_LENGTH);
        Text.line(p.kind() == TargetPointer.Kind.GTO ? "stage" : "alias", p.pointer(), Names.MAX_LENGTH);
        PointerKind kind = pointers.kind(p);
        kind.admit(p);
        Version serving = catalog.read(tx -> {
            Lookups.modelId(tx, model);
            boolean imported = tx.versions().rows(Names.normalize(model)).stream()
                    .anyMatch(v -> kind.cameFrom(p, tx.versions().provenance(v.id())));
            if (!imported) {
                throw RewindException.refused("no version of " + model + " was imported from "
                        + (p.kind() == TargetPointer.Kind.GTO ? "GTO artifact '" : "MLflow model '") + p.name()
                        + "' in " + p.store() + ", so " + p.describe() + " cannot follow its moves (import it first);"
                        + " nothing changed");
            }
            return live == null ? null : tx.versions().byId(live).orElseThrow();
        });
        if (serving != null) {
            String want = catalog.read(tx -> kind.wanted(p, serving, tx.versions().provenance(serving.id())));
            Optional<String> now = kind.read(p);
            if (!now.equals(Optional.of(want))) {
                throw RewindException.refused(p.describe() + " holds " + now.orElse("nothing") + ", but the target"
                        + " serves " + serving.label() + " (" + want + "): make them agree first (" + kind.nativeCommand(p,
                        want, null) + "), then link; nothing changed");
            }
        }
    }

    /** Gives an existing target its pointer, recorded as a signed {@code target} event that covers it. */
    TargetState link(String model, String target, TargetPointer asked) {
        TargetPointer p = absolute(asked);
        TargetRow first = catalog.read(tx -> Lookups.movable(tx, model, target));
        catalog.abilities().require(first.protectedTarget() ? Ability.RELEASE : Ability.DEPLOY, "linking a target");
        requireUnlinked(first, catalog.read(tx -> tx.targets().pointer(first.id())));
        admit(p, first.model(), first.versionId());
        return catalog.write(tx -> {
            TargetRow t = Lookups.movable(tx, model, target);
            requireUnlinked(t, tx.targets().pointer(t.id()));
            if (!Objects.equals(t.versionId(), first.versionId())) {
                throw RewindException.refused(t.name() + " of " + t.model() + " moved while it was being linked (it"
                        + " now serves " + (t.versionLabel() == null ? "nothing" : t.versionLabel()) + "); nothing"
                        + " changed — link it again");
            }
            tx.targets().setPointer(t.id(), p);
            tx.events().append(EventRecord.draft(clock.millis(), EventKind.TARGET, t.modelId(), t.id(), null, null,
                    null, null, null, "linked to " + p.describe(), actor.user(), actor.host()));
            return tx.targets().list(t.model()).stream().filter(s -> s.name().equals(t.name())).findFirst()
                    .orElseThrow();
        });
    }

    /** The pointer with its store as an absolute path, as {@code target add} keeps it, whatever the form was given. */
    private static TargetPointer absolute(TargetPointer p) {
        try {
            return new TargetPointer(p.kind(), java.nio.file.Path.of(p.store()).toAbsolutePath().normalize().toString(),
                    p.name(), p.pointer());
        } catch (java.nio.file.InvalidPathException e) {
            throw RewindException.badInput("not a path: " + p.store());
        }
    }

    private static void requireUnlinked(TargetRow t, Optional<TargetPointer> pointer) {
        if (pointer.isPresent() || t.servingDir() != null) {
            throw RewindException.refused("target " + t.name() + " of " + t.model() + " already moves "
                    + pointer.map(TargetPointer::describe).orElse("serving dir " + t.servingDir())
                    + ": a target gets what its moves change once; nothing changed");
        }
    }

    /**
     * For a target whose moves change nothing outside Rewind, in a model imported from MLflow: the alias it could be
     * linked to, in the store and MLflow model the live version (else the {@code chosen} one) came from, named like
     * the target in lower case; null when there is nothing to offer. Two versions at most are looked at: a preview
     * asks this every time.
     */
    static TargetPointer offer(CatalogTx tx, TargetRow t, long chosen) {
        if (t.servingDir() != null || tx.targets().pointer(t.id()).isPresent()) {
            return null;
        }
        List<Long> ids = t.versionId() == null ? List.of(chosen) : List.of(t.versionId(), chosen);
        for (long id : ids) {
            Map<String, String> prov = tx.versions().provenance(id);
            if (prov.get("mlflow.store") != null && prov.get("mlflow.model") != null) {
                return new TargetPointer(TargetPointer.Kind.MLFLOW_ALIAS, prov.get("mlflow.store"),
                        prov.get("mlflow.model"), t.name().toLowerCase(Locale.ROOT));
            }
        }
        return null;
    }
}

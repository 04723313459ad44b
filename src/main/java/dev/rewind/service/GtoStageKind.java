package dev.rewind.service;

import dev.rewind.domain.Actor;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.TargetPointer;
import dev.rewind.domain.Version;
import dev.rewind.importer.gto.GtoAssignments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** A GTO stage in a git repository: a move creates the next assignment tag on the version's registration commit. */
final class GtoStageKind implements PointerKind {
    private final GtoAssignments gto = new GtoAssignments(System.getProperty("rewind.git", "git"));
    private final Actor actor;

    GtoStageKind(Actor actor) {
        this.actor = actor;
    }

    @Override
    public String wanted(TargetPointer p, Version v, Map<String, String> provenance) {
        if (!cameFrom(p, provenance)) {
            throw RewindException.refused(v.label() + " was not imported from GTO artifact '" + p.name() + "' in "
                    + p.store() + ", so stage " + p.pointer() + " cannot be assigned to it; nothing changed");
        }
        return v.label();
    }

    @Override
    public boolean cameFrom(TargetPointer p, Map<String, String> provenance) {
        String repo = provenance.get("gto.repo");
        return repo != null && MlflowAliasKind.same(Path.of(repo), Path.of(p.store()))
                && Objects.equals(provenance.get("gto.artifact"), p.name());
    }

    @Override
    public Optional<String> set(TargetPointer p, Supplier<String> wanted, String reason) {
        return gto.assign(Path.of(p.store()), p.name(), p.pointer(), wanted, reason, actor.user(),
                actor.user() + "@" + actor.host());
    }

    @Override
    public Optional<String> read(TargetPointer p) {
        return gto.current(Path.of(p.store()), p.name(), p.pointer());
    }

    @Override
    public String nativeCommand(TargetPointer p, String wanted, String reason) {
        return GtoAssignments.command(p.name(), wanted, p.pointer());
    }

    @Override
    public void admit(TargetPointer p) {
        if (!Files.isDirectory(Path.of(p.store()))) {
            throw RewindException.badInput("cannot use the GTO registry " + p.store() + ": it is not a folder");
        }
        read(p); // refuses a folder that is not a git repository, a shallow clone, malformed tags
    }

    /** What the person runs to publish the tag Rewind created: pushing is left to them. */
    static String push(TargetPointer p) {
        return "git -C " + p.store() + " push origin --tags";
    }
}

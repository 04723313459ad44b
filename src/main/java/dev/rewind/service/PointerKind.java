package dev.rewind.service;

import dev.rewind.domain.TargetPointer;
import dev.rewind.domain.Version;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One kind of pointer outside Rewind. Every kind follows the serving directory's protocol (see {@link PointerSync}):
 * the catalog commits first with the switch pending, then {@link #set} applies what the catalog says now, then
 * {@link #read} reads it back.
 */
interface PointerKind {
    /**
     * What the pointer must hold for version {@code v} (MLflow's version number, GTO's version name); refuses, with one
     * line, a version that did not come from the pointer's registry.
     */
    String wanted(TargetPointer p, Version v, Map<String, String> provenance);

    /**
     * Sets the pointer to what {@code wanted} answers, asked while the registry's own lock is held, so of two movers
     * the later answer lands last; returns what it held before (empty: nothing).
     */
    Optional<String> set(TargetPointer p, Supplier<String> wanted, String reason);

    /** What the pointer holds now (empty: nothing). */
    Optional<String> read(TargetPointer p);

    /** The same move in the team's own tool: a call or command a person could run instead. */
    String nativeCommand(TargetPointer p, String wanted, String reason);

    /** Whether a version with this provenance came from the pointer's registry (MLflow model, GTO artifact). */
    boolean cameFrom(TargetPointer p, Map<String, String> provenance);

    /**
     * Checks, before a target gets the pointer and before each move's commit, that the pointer's registry can be set
     * now and holds the pointer's model or artifact.
     */
    void admit(TargetPointer p);
}

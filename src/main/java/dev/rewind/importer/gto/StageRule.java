package dev.rewind.importer.gto;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * GTO's rule for the version in a stage, applied one tag at a time: the stage holds the version of its latest
 * assignment (by tag time) that is still in force; an unassignment takes that version out of the stage, and a
 * deregistration takes the version out of every stage, so the stage falls back to the latest assignment left.
 */
public final class StageRule {
    /** Per artifact and stage: each version assigned there, with the order of its latest assignment. */
    private final Map<String, Map<String, Map<String, Long>>> assigned = new HashMap<>();
    private final Set<String> deregistered = new HashSet<>();
    private long order;

    /** Applies one event (in the registry's order). */
    public void apply(GtoData.Event e) {
        GtoTag t = e.tag();
        switch (t.kind()) {
            case ASSIGN -> stage(t.artifact(), t.stage()).put(e.version(), order++);
            case UNASSIGN -> stage(t.artifact(), t.stage()).remove(e.version());
            case DEREGISTER -> deregistered.add(t.artifact() + "\0" + e.version());
            case REGISTER -> deregistered.remove(t.artifact() + "\0" + e.version());
            default -> {
                // a deprecation or 'created' tag moves no stage
            }
        }
    }

    /** The version a stage of an artifact holds now, or null. */
    public String current(String artifact, String stage) {
        String best = null;
        long bestOrder = -1;
        for (var v : stage(artifact, stage).entrySet()) {
            if (!deregistered.contains(artifact + "\0" + v.getKey()) && v.getValue() > bestOrder) {
                best = v.getKey();
                bestOrder = v.getValue();
            }
        }
        return best;
    }

    /** Every stage of an artifact that was ever assigned, with its version now (null: empty). */
    public Map<String, String> stages(String artifact) {
        Map<String, String> out = new LinkedHashMap<>();
        assigned.getOrDefault(artifact, Map.of()).keySet().stream().sorted()
                .forEach(s -> out.put(s, current(artifact, s)));
        return out;
    }

    private Map<String, Long> stage(String artifact, String stage) {
        return assigned.computeIfAbsent(artifact, a -> new HashMap<>()).computeIfAbsent(stage, s -> new HashMap<>());
    }
}

package dev.rewind.ui.model;

import dev.rewind.domain.Direction;
import dev.rewind.domain.Event;
import dev.rewind.domain.MoveProof;
import dev.rewind.domain.RollbackSuggestion;
import dev.rewind.domain.TargetState;
import dev.rewind.domain.Version;
import dev.rewind.service.Services;
import dev.rewind.ui.timeline.TimelineData;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What opening a model reads, in two steps: what the first paint needs (light rows, lanes, targets and their
 * rollback suggestions), then the History tab's events, which on a long-lived model outnumber the versions and
 * would cost seconds before anything showed. Runs off the FX thread.
 */
final class ModelReads {
    /** The first step; {@code history} is null when it is left to the second. */
    record Loaded(String model, TimelineData timeline, List<TargetState> targets, Map<String, Direction> directions,
                  List<String> tagKeys, Map<String, RollbackSuggestion> suggestions, History history) {
    }

    /** Every event of the model, newest first, and what reading each move back showed. */
    record History(List<Event> events, Map<Long, MoveProof> proofs) {
    }

    private ModelReads() {
    }

    static Loaded first(Services s, String name, Instant now, boolean withHistory) {
        // light rows only: metrics and params are read when a version is looked at (details, compare)
        List<Version> versions = s.registry().timelineRows(name).stream().map(r -> r.asVersion(name)).toList();
        TimelineData data = new TimelineData(versions, s.history().lanes(name), now);
        List<TargetState> targets = s.deployments().targets(name);
        Map<String, RollbackSuggestion> suggested = new LinkedHashMap<>();
        for (TargetState t : targets) {
            s.deployments().rollbackSuggestion(name, t.name()).ifPresent(r -> suggested.put(t.name(), r));
        }
        return new Loaded(name, data, targets, s.registry().directions(), s.registry().tagKeys(), suggested,
                withHistory ? history(s, name) : null);
    }

    static History history(Services s, String name) {
        return new History(s.history().history(name, null), s.history().proofs(name));
    }
}

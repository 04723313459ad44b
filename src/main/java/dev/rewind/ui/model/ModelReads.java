package dev.rewind.ui.model;

import dev.rewind.domain.Direction;
import dev.rewind.domain.Event;
import dev.rewind.domain.Lane;
import dev.rewind.domain.MoveProof;
import dev.rewind.domain.RollbackSuggestion;
import dev.rewind.domain.TargetState;
import dev.rewind.domain.Version;
import dev.rewind.domain.VersionRows;
import dev.rewind.service.Services;
import dev.rewind.ui.common.StartupTrace;
import dev.rewind.ui.timeline.TimelineData;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.LongFunction;

/**
 * What opening a model reads, in two steps: what the first paint needs (light rows, lanes, targets and their
 * rollback suggestions), then the History tab's events, which on a long-lived model outnumber the versions and
 * would cost seconds before anything showed. Runs off the FX thread.
 */
final class ModelReads {
    /** The first step. */
    record Loaded(String model, TimelineData timeline, List<TargetState> targets, Map<String, Direction> directions,
                  List<String> tagKeys, Map<String, RollbackSuggestion> suggestions, Version initial) {
    }

    /** Every event of the model, newest first, and what reading each move back showed. */
    record History(List<Event> events, Map<Long, MoveProof> proofs) {
    }

    private ModelReads() {
    }

    /**
     * {@code parts} reads the model's versions, then its targets and the rest, while this thread reads its lanes
     * (two cores, two read connections). The lanes are named from the versions' columns as soon as those are read,
     * while the versions are made and indexed on the other core.
     */
    static Loaded first(Services s, String name, Instant now, Executor parts) {
        record Rest(List<TargetState> targets, Map<String, RollbackSuggestion> suggestions,
                    Map<String, Direction> directions, List<String> tagKeys) {
        }
        // light rows only: metrics and params are read when a version is looked at (details, compare)
        StartupTrace.mark(name + ": reading");
        CompletableFuture<LongFunction<String>> labels = new CompletableFuture<>();
        CompletableFuture<TimelineData.Indexed> versions = CompletableFuture.supplyAsync(() -> {
            try {
                VersionRows rows = s.registry().timelineRows(name);
                labels.complete(rows.labelsById());
                StartupTrace.mark(name + ": versions read");
                TimelineData.Indexed indexed = TimelineData.index(rows, name);
                StartupTrace.mark(name + ": versions indexed");
                return indexed;
            } catch (RuntimeException | Error e) {
                labels.completeExceptionally(e); // the lanes stop waiting, and the first failure is the one shown
                throw e;
            }
        }, parts);
        CompletableFuture<Rest> rest = versions.thenApplyAsync(v -> {
            List<TargetState> targets = s.deployments().targets(name);
            Map<String, RollbackSuggestion> suggested = new LinkedHashMap<>();
            for (TargetState t : targets) {
                s.deployments().rollbackSuggestion(name, t.name()).ifPresent(r -> suggested.put(t.name(), r));
            }
            return new Rest(targets, suggested, s.registry().directions(), s.registry().tagKeys());
        }, parts);
        List<Lane> lanes = s.history().lanes(name, () -> join(labels));
        StartupTrace.mark(name + ": lanes read");
        // the lanes' indexes too, here rather than in the first frame
        TimelineData.IndexedLanes indexedLanes = TimelineData.index(lanes, now);
        TimelineData data = new TimelineData(join(versions), indexedLanes).prepare();
        StartupTrace.mark(name + ": timeline prepared");
        Rest r = join(rest);
        return new Loaded(name, data, r.targets(), r.directions(), r.tagKeys(), r.suggestions(),
                InitialVersion.of(data, r.targets()));
    }

    /** The part's result, or its own failure (not wrapped), so the person sees what went wrong. */
    private static <T> T join(CompletableFuture<T> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    static History history(Services s, String name) {
        return new History(s.history().history(name, null), s.history().proofs(name));
    }
}

package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.Position;
import dev.rewind.domain.Event;
import dev.rewind.domain.Lane;
import dev.rewind.domain.MoveProof;
import dev.rewind.domain.Names;
import dev.rewind.domain.RewindException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/** Reading the history: events of a model, and what each target served at a moment. */
public final class HistoryService {
    /** What a target served at a moment: {@code version} null when nothing yet; {@code eventId} of that move. */
    public record TargetAt(String model, String target, String version, Instant since, Long eventId,
                           String servingDir, boolean retired) {
        public TargetAt(String model, String target, String version, Instant since, Long eventId, String servingDir) {
            this(model, target, version, since, eventId, servingDir, false);
        }
    }

    private final Catalog catalog;

    public HistoryService(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Every event of a model (optionally of one target), newest first. */
    public List<Event> history(String model, String target) {
        Names.require("model name", model);
        return catalog.read(tx -> {
            Lookups.modelId(tx, model);
            if (target != null) {
                Lookups.target(tx, model, target);
            }
            return tx.events().history(model, target);
        });
    }

    /** What reading each move of a model back showed (and its post-switch check), by event id. */
    public Map<Long, MoveProof> proofs(String model) {
        return catalog.read(tx -> {
            Lookups.modelId(tx, model);
            return tx.proofs().ofModel(model);
        });
    }

    /** Which version each target of a model served at {@code at}, answered from the events. */
    public List<TargetAt> targetsAt(String model, Instant at) {
        return catalog.read(tx -> {
            Lookups.modelId(tx, model);
            List<TargetAt> out = new ArrayList<>();
            for (var t : tx.targets().list(model, true)) {
                Event last = null;
                boolean retired = false;
                for (Event e : tx.events().history(model, t.name())) {
                    retired |= e.kind() == dev.rewind.domain.EventKind.RETIRE && !e.at().isAfter(at);
                    // an imported move counts from when its source says it happened, not from the import
                    if (last == null && e.kind().movesPointer() && !e.when().isAfter(at)) {
                        last = e;
                    }
                }
                out.add(new TargetAt(model, t.name(), last == null ? null : last.toVersion(),
                        last == null ? null : last.when(), last == null ? null : last.id(), t.servingDir(), retired));
            }
            return out;
        });
    }

    /**
     * What each target of a model served over time, from its deploy, rollback and import events: read as the
     * pointer moves alone, so a model with a long history draws its lanes without reading every event.
     */
    public List<Lane> lanes(String model) {
        return lanes(model, () -> id -> null);
    }

    /**
     * As {@link #lanes(String)}, naming the versions moved to with {@code known} (a label by version id, null for
     * one it does not know), which may wait for the model's versions being read side by side: it is asked once the
     * moves are read, outside their transaction. What it does not know is looked up in the catalog.
     */
    public List<Lane> lanes(String model, Supplier<? extends LongFunction<String>> known) {
        record Read(List<Position> moves, List<dev.rewind.domain.TargetState> targets) {
        }
        Read read = catalog.read(tx -> {
            Lookups.modelId(tx, model);
            return new Read(tx.events().positions(model), tx.targets().list(model, true));
        });
        LongFunction<String> labels = labels(read.moves(), known.get());
        Map<Long, List<Position>> byTarget = new HashMap<>();
        for (Position p : read.moves()) {
            byTarget.computeIfAbsent(p.targetId(), k -> new ArrayList<>()).add(p);
        }
        List<Lane> out = new ArrayList<>();
        for (var t : read.targets()) {
            List<Position> moves = byTarget.getOrDefault(t.id(), List.of());
            List<Lane.Segment> segments = new ArrayList<>(moves.size());
            Instant from = moves.isEmpty() ? null : Instant.ofEpochMilli(moves.get(0).atMs());
            for (int i = 0; i < moves.size(); i++) {
                Position p = moves.get(i);
                // a segment ends where the next begins: one Instant serves both (75,000 moves on a long history)
                Instant until = i + 1 < moves.size() ? Instant.ofEpochMilli(moves.get(i + 1).atMs()) : null;
                segments.add(new Lane.Segment(labels.apply(p.versionId()), from, until, p.kind(), p.approximate()));
                from = until;
            }
            out.add(new Lane(t.name(), segments, t.liveVersion()));
        }
        return out;
    }

    /** {@code known}, completed from the catalog with the versions moved to that it does not name. */
    private LongFunction<String> labels(List<Position> moves, LongFunction<String> known) {
        Map<Long, String> read = new HashMap<>();
        for (Position p : moves) {
            long id = p.versionId();
            if (id != Position.NO_VERSION && known.apply(id) == null) {
                read.put(id, null);
            }
        }
        if (read.isEmpty()) {
            return known;
        }
        long[] unknown = read.keySet().stream().mapToLong(Long::longValue).toArray();
        read = catalog.read(tx -> tx.versions().labels(unknown));
        Map<Long, String> found = read;
        // a move read after the versions it names were (a version registered and deployed in between)
        return id -> {
            String label = known.apply(id);
            return label == null ? found.get(id) : label;
        };
    }

    /**
     * Parses an ISO-8601 moment: {@code 2026-11-01T09:30:00Z}, with an offset, or local date-time / date
     * (read in the machine's time zone; a bare date means the end of that day).
     */
    public static Instant parseMoment(String text, ZoneId zone) {
        String s = text == null ? "" : text.strip();
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(s).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(s).plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
        } catch (DateTimeParseException e) {
            throw RewindException.badInput("'" + text + "' is not an ISO-8601 time (e.g. 2026-11-01T09:30:00Z or 2026-11-01)");
        }
    }
}

package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.PendingSwitch;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Makes a serving directory agree with the catalog. It always applies what the catalog says <em>now</em>,
 * under a lock on the directory, so concurrent or repeated switches converge on the newest move, and a
 * switch interrupted by a crash is finished by simply running it again.
 */
final class ServingSync {
    /** FileLock is per process; threads of one process take this first. */
    private static final Object IN_PROCESS = new Object();

    private final Catalog catalog;

    ServingSync(Catalog catalog) {
        this.catalog = catalog;
    }

    private record State(TargetRow target, Version live, EventRecord lastMove, List<Long> pending) {
    }

    /** Brings one target's serving directory in line; returns a line describing a change, or null. */
    String sync(String model, String target) {
        return sync(model, target, true);
    }

    /**
     * As {@link #sync(String, String)}; with {@code wait} false, a directory another process is switching
     * right now is left to that process.
     */
    String sync(String model, String target, boolean wait) {
        TargetRow row = catalog.read(tx -> tx.targets().find(model, target)).orElseThrow();
        if (row.servingDir() == null) {
            return null;
        }
        ServingDirectory dir = new ServingDirectory(Path.of(row.servingDir()));
        try {
            return locked(dir, wait, () -> syncLocked(dir, model, target));
        } catch (IOException e) {
            throw unfinished(dir, model, target, e);
        }
    }

    static RewindException unfinished(ServingDirectory dir, String model, String target, IOException e) {
        return RewindException.switchPending("the move is recorded: the catalog says " + target + " of " + model
                + " moved, but its serving dir " + dir.dir() + " could not be switched (" + e.getMessage()
                + "); the switch is pending — fix that and run 'rewind verify --repair'");
    }

    /** Work done while holding a serving directory's lock. */
    interface LockedWork<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code work} holding the directory's lock (this process's monitor, then the file lock other processes
     * respect); with {@code wait} false returns null at once when another process holds it.
     */
    static <T> T locked(ServingDirectory dir, boolean wait, LockedWork<T> work) throws IOException {
        synchronized (IN_PROCESS) {
            if (Files.isSymbolicLink(dir.dir())) {
                throw new IOException(dir.dir() + " has become a symbolic link; Rewind does not switch through links");
            }
            Files.createDirectories(dir.dir());
            // a planted link named like the lock must not make Rewind create or write the file it points to
            try (FileChannel ch = FileChannel.open(dir.lockFile(), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS); FileLock lock = wait ? ch.lock() : ch.tryLock()) {
                return lock == null ? null : work.run();
            }
        }
    }

    /** Applies what the catalog says now; the caller holds the directory's lock. */
    String syncLocked(ServingDirectory dir, String model, String target) throws IOException {
        State s = catalog.read(tx -> {
            TargetRow t = tx.targets().find(model, target).orElseThrow();
            Version v = t.versionId() == null ? null : tx.versions().byId(t.versionId()).orElseThrow();
            List<Long> pending = new ArrayList<>();
            for (PendingSwitch p : tx.events().pendingSwitches()) {
                if (p.targetId() == t.id()) {
                    pending.add(p.eventId());
                }
            }
            return new State(t, v, tx.events().latestMove(t.id()).orElse(null), pending);
        });
        String done = null;
        if (s.live() != null) {
            // a move hashed these bytes moments ago under this same lock: their unchanged stamp proves them
            String problem = catalog.artifacts().unchangedSinceHashed(s.live().artifact()) ? null
                    : catalog.artifacts().problemWith(s.live().artifact());
            if (problem != null) {
                throw new IOException("version " + s.live().label() + ": " + problem);
            }
            Path artifact = catalog.artifacts().pathOf(s.live().artifact().sha256());
            ServingDirectory.Deployed want = new ServingDirectory.Deployed(model, target, s.live().label(),
                    s.live().artifact().sha256(), s.lastMove().id(), Instant.ofEpochMilli(s.lastMove().at()).toString(),
                    s.lastMove().id() + ":" + s.lastMove().hash());
            ServingDirectory.Observed seen = dir.observe();
            if (!artifact.equals(seen.link()) || !Objects.equals(want, seen.deployed())) {
                dir.switchTo(artifact, want);
                done = "switched " + dir.dir() + " to " + model + " " + s.live().label() + " (event " + s.lastMove().id() + ")";
            }
        }
        dir.removeLeftovers();
        if (!s.pending().isEmpty()) {
            catalog.write(tx -> {
                s.pending().forEach(tx.events()::clearPendingSwitch);
                return null;
            });
            if (done == null) {
                done = "confirmed the switch of " + target + " of " + model + " (already on disk)";
            }
        }
        return done;
    }

    /**
     * Why a target's serving dir disagrees with a snapshot of the catalog, or null when it agrees. The directory is
     * read under its lock, so no move of this target is half-way; a directory showing a move newer than the
     * snapshot was switched after it was taken and is not judged against it.
     */
    String disagreement(VerifyService.TargetFacts f) {
        TargetRow t = f.target();
        if (t.servingDir() == null) {
            return null;
        }
        ServingDirectory dir = new ServingDirectory(Path.of(t.servingDir()));
        String where = "serving dir " + dir.dir() + " of " + t.name() + " of " + t.model();
        if (Files.isSymbolicLink(dir.dir())) {
            return where + " has become a symbolic link; Rewind does not switch through links";
        }
        ServingDirectory.Observed seen;
        boolean stillPending;
        try {
            // pending in the snapshot may be a move in flight: once its lock is ours, one still pending is interrupted
            boolean pending = !f.pendingEvents().isEmpty();
            Look look = Files.isDirectory(dir.dir())
                    ? locked(dir, true, () -> new Look(dir.observe(), pending && stillPending(t.id())))
                    : new Look(dir.observe(), pending);
            seen = look.seen();
            stillPending = look.stillPending();
        } catch (IOException e) {
            return where + ": cannot be read: " + e.getMessage();
        }
        long onDisk = seen.deployed() == null ? -1 : seen.deployed().eventId();
        long last = f.lastMove() == null ? -1 : f.lastMove().id();
        if (stillPending) {
            return "the switch of " + t.name() + " of " + t.model()
                    + "'s serving dir was interrupted; run 'rewind verify --repair'";
        }
        if (!f.pendingEvents().isEmpty() || seen.problem() == null && onDisk > last) {
            return null; // switched after the snapshot was taken: a later verify judges it
        }
        if (t.versionId() == null) {
            return null;
        }
        if (seen.problem() != null) {
            return where + ": " + seen.problem();
        }
        Version v = f.live();
        if (v == null) {
            return where + ": the catalog points it at version #" + t.versionId() + ", which does not exist";
        }
        if (v.artifact() == null || v.artifact().sha256() == null || !v.artifact().stored()) {
            return where + ": version " + v.label() + " has no stored artifact to serve";
        }
        Path artifact = catalog.artifacts().pathOf(v.artifact().sha256());
        if (seen.link() == null) {
            return where + ": 'current' is missing; the catalog says " + v.label();
        }
        if (!artifact.equals(seen.link())) {
            return where + ": 'current' points at " + seen.link() + ", not at " + v.label() + "'s artifact";
        }
        if (seen.deployed() == null) {
            return where + ": DEPLOYED.json is missing";
        }
        if (!v.label().equals(seen.deployed().version()) || onDisk != last) {
            return where + ": DEPLOYED.json says " + seen.deployed().version() + " (event " + seen.deployed().eventId()
                    + "), the catalog says " + v.label() + " (event " + (last < 0 ? "-" : last) + ")";
        }
        return null;
    }

    private record Look(ServingDirectory.Observed seen, boolean stillPending) {
    }

    private boolean stillPending(long targetId) {
        return catalog.read(tx -> tx.events().pendingSwitches()).stream().anyMatch(p -> p.targetId() == targetId);
    }

    /**
     * Finishes every pending switch that no other process is working on; returns one line per target brought
     * in line.
     */
    List<String> finishPending() {
        List<PendingSwitch> pending = catalog.read(tx -> tx.events().pendingSwitches());
        Set<Long> targets = new LinkedHashSet<>();
        pending.forEach(p -> targets.add(p.targetId()));
        List<String> out = new ArrayList<>();
        for (long id : targets) {
            TargetRow t = catalog.read(tx -> tx.targets().byId(id)).orElseThrow();
            String line = sync(t.model(), t.name(), false);
            if (line != null) {
                out.add(line);
            }
        }
        return out;
    }

    /** Brings every target with a serving dir in line (used by repair and after writing a demo). */
    List<String> syncAll() {
        List<String> out = new ArrayList<>();
        for (TargetRow t : catalog.read(tx -> tx.targets().all())) {
            if (t.servingDir() != null) {
                String line = sync(t.model(), t.name());
                if (line != null) {
                    out.add(line);
                }
            }
        }
        return out;
    }
}

package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.domain.MetricValue;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds Learn mode's sandbox: a new catalog in its own temporary folder (never the person's), filled from the
 * scenario with backdated versions, deploys and tags, and a serving directory inside that folder.
 */
public final class SandboxService {
    /** The folder name every sandbox starts with; {@link #discard} deletes nothing else. */
    public static final String PREFIX = "rewind-learn-";

    /** How the team in the story shipped its releases. */
    public enum Variant {
        /** Each release kept as its own immutable artifact: rollback works. */
        VERSIONED,
        /** Each release copied over one file: the older versions' bytes are gone, rollback is impossible. */
        OVERWRITTEN_IN_PLACE
    }

    private final Catalog catalog;
    private final Clock clock;

    public SandboxService(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Where a new sandbox catalog goes: a fresh temporary folder of its own. */
    public static Path newCatalogFile() {
        try {
            return Files.createTempDirectory(PREFIX).resolve("sandbox.db");
        } catch (IOException e) {
            throw RewindException.refused("cannot create a folder for the Learn sandbox: " + e.getMessage());
        }
    }

    /** Fills the (empty) sandbox catalog with the scenario's story, as {@code variant} shipped it. */
    public void build(LearnScenario s, Variant variant) {
        if (!catalog.location().getParent().getFileName().toString().startsWith(PREFIX)) {
            throw RewindException.refused("refusing to build a Learn sandbox in " + catalog.location()
                    + ": sandboxes live in their own temporary folder");
        }
        new DemoService(catalog, clock).apply(plan(s, clock.instant()), true);
        if (variant == Variant.OVERWRITTEN_IN_PLACE) {
            overwriteInPlace(s);
        }
    }

    static DemoPlan plan(LearnScenario s, Instant now) {
        List<DemoPlan.Step> steps = new ArrayList<>();
        String parent = null;
        for (LearnScenario.VersionSpec v : s.versions()) {
            List<MetricValue> metrics = new ArrayList<>();
            v.metrics().forEach((k, x) -> metrics.add(MetricValue.summary(k, x)));
            v.curves().forEach((k, xs) -> {
                for (int i = 0; i < xs.size(); i++) {
                    metrics.add(new MetricValue(k, xs.get(i), (long) i + 1, ""));
                }
            });
            steps.add(new DemoPlan.Register(s.model(), v.label(), DemoService.daysBefore(now, v.daysAgo()), v.author(),
                    v.host(), v.description(), null, parent, metrics, v.params(), bytes(s, v)));
            parent = v.label();
        }
        for (LearnScenario.TargetSpec t : s.targets()) {
            // a target is added just before its first deploy (or with the first version when it has none)
            double first = s.history().stream().filter(m -> m.target().equals(t.name()))
                    .mapToDouble(LearnScenario.MoveSpec::daysAgo).max().orElse(s.versions().get(0).daysAgo());
            String author = s.versions().get(0).author();
            steps.add(new DemoPlan.AddTarget(s.model(), t.name(), t.servingDir(),
                    DemoService.daysBefore(now, first).minusSeconds(600), author, s.versions().get(0).host()));
        }
        for (LearnScenario.MoveSpec m : s.history()) {
            steps.add(new DemoPlan.Move(s.model(), m.target(), false, m.version(), m.reason(),
                    DemoService.daysBefore(now, m.daysAgo()), m.author(), s.version(m.version()).host()));
        }
        for (LearnScenario.TagSpec t : s.tags()) {
            steps.add(new DemoPlan.Tag(s.model(), t.version(), t.key(), t.value(), t.reason(),
                    DemoService.daysBefore(now, t.daysAgo()), t.author(), s.version(t.version()).host()));
        }
        steps.sort(Comparator.comparing(DemoPlan.Step::at));
        return new DemoPlan(steps);
    }

    static byte[] bytes(LearnScenario s, LearnScenario.VersionSpec v) {
        return ("rewind learn sandbox: " + s.model() + " " + v.label() + "\n" + v.artifact() + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** What a team without versioning ends up with: the failing release's bytes where every release was. */
    private void overwriteInPlace(LearnScenario s) {
        byte[] latest = bytes(s, s.version(s.story().failing()));
        try {
            for (Version v : catalog.read(tx -> tx.versions().list(s.model()))) {
                if (!v.label().equals(s.story().failing())) {
                    Path file = catalog.artifacts().pathOf(v.artifact().sha256());
                    file.toFile().setWritable(true);
                    Files.write(file, latest);
                    file.toFile().setReadOnly();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a sandbox's folder (catalog, artifacts, serving directory); other folders are left alone. */
    public static void discard(Path catalogFile) {
        Path dir = catalogFile.toAbsolutePath().getParent();
        if (dir == null || !dir.getFileName().toString().startsWith(PREFIX) || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                if (!Files.isSymbolicLink(p)) {
                    p.toFile().setWritable(true); // stored artifact folders are 0555: open them before emptying
                }
            }
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary folder is harmless; the OS cleans its temp dir
        }
    }
}

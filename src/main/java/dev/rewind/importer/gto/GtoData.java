package dev.rewind.importer.gto;

import java.util.List;
import java.util.Map;

/** What Rewind takes from a GTO registry: its annotated GTO tags in GTO's order, and the artifacts' annotations. */
public final class GtoData {
    private GtoData() {
    }

    /**
     * One annotated GTO tag: its grammar, the commit it names, the tagger and the tag's time (epoch ms, any time
     * zone), and its message. {@code version} is the version it acts on: its own for a registration, else the
     * version of its artifact registered on the same commit (null for a deprecation).
     */
    public record Event(GtoTag tag, String commit, long atMs, String tagger, String email, String message,
                        String version) {
    }

    /** The annotations {@code artifacts.yaml} gives an artifact at a version's commit (absent ones null). */
    public record Annotations(String type, String path, String description, List<String> labels) {
    }

    /**
     * A registry: {@code events} oldest first (tag time; in one second, registrations first, then GTO's counter),
     * {@code annotations} by artifact and version.
     */
    public record Registry(String repo, List<Event> events, Map<String, Map<String, Annotations>> annotations) {
    }
}

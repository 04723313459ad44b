package dev.rewind.service;

import dev.rewind.catalog.EventRecord;
import dev.rewind.domain.EventKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A version's tags are what its history says: the tags it was registered with, then each tag and untag event
 * in order. Compares that with the stored tags and names every key that disagrees.
 */
final class TagFold {
    private TagFold() {
    }

    /**
     * @param registered the tags the version was registered with, or null when its registration predates
     *                   schema 5 (then only keys its events touched are checked)
     * @param events     the version's events, oldest first (others than tag and untag are skipped)
     */
    static List<String> disagreements(String version, Map<String, String> registered, List<EventRecord> events,
                                      Map<String, String> stored) {
        Map<String, String> expected = new HashMap<>(registered == null ? Map.of() : registered);
        Map<String, Long> lastEvent = new HashMap<>();
        for (EventRecord e : events) {
            if (e.kind() == EventKind.TAG && e.tagKey() != null) {
                expected.put(e.tagKey(), e.tagValue());
                lastEvent.put(e.tagKey(), e.id());
            } else if (e.kind() == EventKind.UNTAG && e.tagKey() != null) {
                expected.remove(e.tagKey());
                lastEvent.put(e.tagKey(), e.id());
            }
        }
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(stored.keySet());
        if (registered == null) {
            keys.retainAll(lastEvent.keySet());
        }
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            boolean want = expected.containsKey(k);
            boolean have = stored.containsKey(k);
            if (want && have && Objects.equals(expected.get(k), stored.get(k))) {
                continue;
            }
            String because = lastEvent.containsKey(k) ? "its history (event " + lastEvent.get(k) + ")"
                    : "its registration";
            out.add("tags: version " + version + (have ? " has tag " + k + "=" + stored.get(k) : " lacks tag " + k)
                    + ", but " + because + (want ? " says " + k + "=" + expected.get(k) : " says it has none")
                    + ": the tag row was changed behind Rewind's back");
        }
        return out;
    }
}

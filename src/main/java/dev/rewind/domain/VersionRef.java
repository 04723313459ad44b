package dev.rewind.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A reference to one version, as scripts and model servers write it: {@code MODEL@TARGET} (what the target serves
 * now), {@code MODEL@latest} (the newest version) or {@code MODEL:LABEL}.
 */
public record VersionRef(String model, Kind kind, String name) {
    public static final String LATEST = "latest";

    public enum Kind { TARGET, LATEST, LABEL }

    /**
     * Every way {@code ref} splits into a model and the rest, the split at the last '@' or ':' first: a model name
     * may itself hold those characters, so the caller takes the first reading whose model exists.
     */
    public static List<VersionRef> readings(String ref) {
        List<VersionRef> out = new ArrayList<>();
        for (int i = ref == null ? -1 : ref.length() - 1; i > 0; i--) {
            char c = ref.charAt(i);
            if ((c == '@' || c == ':') && i < ref.length() - 1) {
                String model = ref.substring(0, i);
                String name = ref.substring(i + 1);
                Kind kind = c == ':' ? Kind.LABEL : name.equals(LATEST) ? Kind.LATEST : Kind.TARGET;
                out.add(new VersionRef(model, kind, name));
            }
        }
        if (out.isEmpty()) {
            throw RewindException.badInput("'" + Text.escape(ref) + "' is not a reference; write MODEL@TARGET, MODEL@"
                    + LATEST + " or MODEL:LABEL");
        }
        return out;
    }

    @Override
    public String toString() {
        return model + (kind == Kind.LABEL ? ":" : "@") + name;
    }
}

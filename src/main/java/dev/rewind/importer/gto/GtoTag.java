package dev.rewind.importer.gto;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GTO tag name read by GTO's own grammar ({@code gto/constants.py}): {@code NAME@vX.Y.Z} registers a version,
 * {@code NAME@vX.Y.Z!} deregisters it, {@code NAME#STAGE#N} assigns a stage, {@code NAME#STAGE!#N} unassigns it,
 * {@code NAME@deprecated} deprecates the artifact; {@code #N} is the artifact's counter. An artifact in a folder
 * ({@code dir:name}) is written {@code dir=name} inside a tag. {@code counter} is -1 when the tag has none.
 */
public record GtoTag(String tag, Kind kind, String artifact, String version, String stage, long counter) {

    public enum Kind {
        REGISTER, DEREGISTER, ASSIGN, UNASSIGN, DEPRECATE, CREATE;

        /** Whether this kind moves a stage. */
        public boolean stage() {
            return this == ASSIGN || this == UNASSIGN;
        }
    }

    private static final String DIRNAME = "[a-zA-Z0-9\\-_./]+";
    private static final String NAME = "[a-zA-Z0-9](?:[a-zA-Z0-9\\-/_]*[a-zA-Z0-9])?";
    private static final String IDENT = "(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)";
    private static final String SEMVER = "(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)"
            + "(?:-" + IDENT + "(?:\\." + IDENT + ")*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?";
    private static final Pattern TAG = Pattern.compile("^(?<artifact>(?:" + DIRNAME + "=)?" + NAME + ")"
            + "(?:(?:#(?<stage>" + NAME + ")|@(?<version>v" + SEMVER + "))(?<cancel>!?)"
            + "|@(?:(?<deprecated>deprecated)|(?<created>created)))"
            + "(?:#(?<counter>[0-9]{1,18}))?$");

    /** The tag read by GTO's grammar, or empty when it is no GTO tag. */
    public static Optional<GtoTag> parse(String tag) {
        Matcher m = TAG.matcher(tag);
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean cancel = "!".equals(m.group("cancel"));
        Kind kind;
        if (m.group("stage") != null) {
            kind = cancel ? Kind.UNASSIGN : Kind.ASSIGN;
        } else if (m.group("version") != null) {
            kind = cancel ? Kind.DEREGISTER : Kind.REGISTER;
        } else {
            kind = m.group("deprecated") != null ? Kind.DEPRECATE : Kind.CREATE;
        }
        String counter = m.group("counter");
        return Optional.of(new GtoTag(tag, kind, m.group("artifact").replace('=', ':'), m.group("version"),
                m.group("stage"), counter == null ? -1 : Long.parseLong(counter)));
    }

    /** Whether a tag name is meant as a GTO tag ('@' or '#' in it), so one the grammar refuses is malformed. */
    public static boolean looksLikeGto(String tag) {
        return tag.indexOf('@') > 0 || tag.indexOf('#') > 0;
    }
}

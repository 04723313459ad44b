package dev.rewind.domain;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A confusable skeleton in the spirit of Unicode TR39: two names with equal skeletons look alike. A small table for
 * the scripts that carry most look-alikes of Latin names (Cyrillic, Greek, and Latin's own 0/O, 1/l/I, rn/m);
 * compatibility forms (full-width, mathematical letters, ligatures) fold by NFKD first. Not all of TR39: ICU4J has
 * the full data but would add about 14 MB to a small desktop app for names that are almost always Latin.
 */
public final class Confusables {
    private static final Map<Integer, String> PROTOTYPE = new HashMap<>();

    static {
        // Cyrillic, then Greek, then Latin: look-alike → the Latin prototype TR39 gives it
        map("аa еe һh іi јj оo рp сc ѕs уy хx ԁd ԛq ԝw ӏl ɡg ɑa ıi ǀl |l 0O 1l Il");
        map("АA ВB ЕE ЅS Іl ЈJ КK МM НH ОO РP СC ТT УY ХX ԚQ ԜW Ӏl З3");
        map("αa οo ρp νv ιi υu ϲc ΑA ΒB ΕE ΖZ ΗH Ιl ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX ϹC");
        PROTOTYPE.put((int) 'm', "rn");
    }

    private Confusables() {
    }

    private static void map(String pairs) {
        for (String p : pairs.split(" ")) {
            PROTOTYPE.put(p.codePointAt(0), p.substring(Character.charCount(p.codePointAt(0))));
        }
    }

    /** The skeleton of {@code name}: equal skeletons, confusable names. */
    public static String skeleton(String name) {
        String d = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(d.length());
        d.codePoints().forEach(cp -> {
            if (Character.isSpaceChar(cp)) {
                sb.append(' ');
            } else {
                String proto = PROTOTYPE.get(cp);
                if (proto == null) {
                    sb.appendCodePoint(cp);
                } else {
                    sb.append(proto);
                }
            }
        });
        return Normalizer.normalize(sb, Normalizer.Form.NFD);
    }

    /** An existing name that {@code candidate} looks like without being it, if any. */
    public static Optional<String> lookAlike(String candidate, Collection<String> existing) {
        String s = skeleton(candidate);
        return existing.stream().filter(e -> !e.equals(candidate) && skeleton(e).equals(s)).findFirst();
    }

    /** Names by skeleton, so checking many new names against many existing ones stays linear. */
    public static final class Index {
        private final Map<String, String> bySkeleton = new HashMap<>();
        private final java.util.Set<String> names = new java.util.HashSet<>();

        public Index(Collection<String> names) {
            names.forEach(this::add);
        }

        public void add(String name) {
            names.add(name);
            bySkeleton.putIfAbsent(skeleton(name), name);
        }

        /** An indexed name that {@code candidate} looks like without being it, if any. */
        public Optional<String> lookAlike(String candidate) {
            String e = names.contains(candidate) ? null : bySkeleton.get(skeleton(candidate));
            return Optional.ofNullable(e);
        }
    }

    /** Refuses {@code candidate} when it looks like one of {@code existing}, naming both. */
    public static void requireDistinct(String what, String candidate, Collection<String> existing) {
        lookAlike(candidate, existing).ifPresent(e -> {
            throw RewindException.badInput(what + " '" + Text.escape(candidate) + "' looks like the existing '"
                    + Text.escape(e) + "' (" + difference(candidate, e) + "); use that name or a clearly different one");
        });
    }

    private static String difference(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Text.codePoint(x[i]) + " " + Character.getName(x[i]) + " at position " + (i + 1);
            }
        }
        return "they differ only in how they are written";
    }
}

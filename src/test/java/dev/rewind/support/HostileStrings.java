package dev.rewind.support;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Hostile strings for every field that takes a name or a text, each with the fields that must refuse it. The
 * expectations are written by hand from the policy (README "Names"), not computed by the code under test.
 * Look-alikes are aimed at the names of {@link #baseline}: model {@code fraud}, version {@code 1.0.0}, target
 * {@code production}, tag key {@code stable}.
 */
public final class HostileStrings {
    /** What a string is typed into. */
    public enum Field { MODEL, LABEL, TARGET, TAG_KEY, METRIC_KEY, PARAM_KEY, DESCRIPTION, REASON, PARAM_VALUE, TAG_VALUE }

    public static final Set<Field> NAMES = EnumSet.of(Field.MODEL, Field.LABEL, Field.TARGET, Field.TAG_KEY,
            Field.METRIC_KEY, Field.PARAM_KEY);
    public static final Set<Field> ALL = EnumSet.allOf(Field.class);

    public record Hostile(String what, String value, Set<Field> refusedIn) {
        @Override
        public String toString() {
            return what;
        }
    }

    private HostileStrings() {
    }

    public static List<Hostile> all() {
        List<Hostile> h = new ArrayList<>();
        // control characters (Cc), line and paragraph separators, lone surrogates: refused everywhere
        String[][] controls = {{"NUL", "a\u0000b"}, {"SOH", "\u0001x"}, {"BEL", "ding\u0007"}, {"backspace", "ab\bc"},
            {"tab", "a\tb"}, {"LF", "a\nb"}, {"CRLF", "a\r\nb"}, {"CR", "a\rb"}, {"VT", "a\u000bb"}, {"FF", "a\fb"},
            {"ESC", "a\u001bb"}, {"ANSI red", "\u001b[31mred\u001b[0m"}, {"OSC title", "\u001b]0;pwned\u0007x"},
            {"ANSI clear", "x\u001b[2J\u001b[H"}, {"DEL", "a\u007fb"}, {"NEL", "a\u0085b"}, {"C1 CSI", "a\u009b31m"},
            {"forged history row", "ok\n42  2026-01-01  deploy  production  1.0 → 9.9  admin"},
            {"line separator", "a\u2028b"}, {"paragraph separator", "a\u2029b"}, {"trailing LF", "fraud\n"},
            {"lone high surrogate", "x\uD800"}, {"lone low surrogate", "\uDC00x"}};
        for (String[] c : controls) {
            h.add(new Hostile(c[0], c[1], ALL));
        }
        // format characters (Cf): bidi overrides and invisibles refused everywhere; joiners only in names
        String[][] formats = {{"RLO", "pay\u202Efdp.exe"}, {"LRO", "a\u202Db"}, {"RLE", "a\u202Bb"},
            {"PDF", "a\u202Cb"}, {"LRI", "a\u2066b"}, {"PDI", "a\u2069b"}, {"LRM", "a\u200Eb"}, {"RLM", "a\u200Fb"},
            {"ALM", "a\u061Cb"}, {"ZWSP", "fr\u200Baud"}, {"BOM", "\uFEFFfraud"}, {"soft hyphen", "fr\u00ADaud"},
            {"word joiner", "a\u2060b"}, {"tag character", "a\uDB40\uDC01b"}, {"invisible times", "a\u2062b"}};
        for (String[] f : formats) {
            h.add(new Hostile(f[0], f[1], ALL));
        }
        h.add(new Hostile("ZWJ", "a\u200Db", NAMES));
        h.add(new Hostile("ZWNJ", "a\u200Cb", NAMES));
        h.add(new Hostile("emoji ZWJ sequence", "dev \uD83D\uDC69\u200D\uD83D\uDCBB", NAMES));
        // shapes a name may not have, fine as text
        // picocli reads '--' as the end of options even in '--reason=--': a usage error, still one line and exit 2
        h.add(new Hostile("double dash", "--", EnumSet.of(Field.MODEL, Field.LABEL, Field.TARGET, Field.TAG_KEY,
                Field.METRIC_KEY, Field.PARAM_KEY, Field.DESCRIPTION, Field.REASON)));
        String[][] shapes = {{"leading dash", "-x"}, {"option-like", "--help"}, {"lone dash", "-"},
            {"negative number", "-1"}, {"leading space", " lead"}, {"trailing space", "trail "},
            {"only spaces", "   "}, {"leading NBSP", "\u00A0nbsp"}, {"trailing NBSP", "nbsp\u00A0"},
            {"ideographic space", "\u3000ideo"}, {"em space", "em\u2003"}, {"trailing tab-free blank", "x\u2007"}};
        for (String[] s : shapes) {
            h.add(new Hostile(s[0], s[1], NAMES));
        }
        h.add(new Hostile("empty", "", EnumSet.of(Field.MODEL, Field.LABEL, Field.TARGET, Field.TAG_KEY,
                Field.METRIC_KEY, Field.PARAM_KEY)));
        Set<Field> over200 = EnumSet.copyOf(NAMES);
        over200.add(Field.TAG_VALUE);
        h.add(new Hostile("201 chars", "a".repeat(201), over200));
        h.add(new Hostile("201 emoji", "\uD83D\uDE00".repeat(201), over200));
        h.add(new Hostile("5000 chars", "x".repeat(5000), over200));
        h.add(new Hostile("10001 chars", "y".repeat(10_001), ALL));
        h.add(new Hostile("200 chars", "b".repeat(200), EnumSet.noneOf(Field.class)));
        h.add(new Hostile("200 emoji", "\uD83D\uDE00".repeat(200), EnumSet.noneOf(Field.class)));
        // look-alikes of the baseline's names, refused only where they clash
        h.add(new Hostile("Cyrillic a in fraud", "fr\u0430ud", EnumSet.of(Field.MODEL)));
        h.add(new Hostile("full-width fraud", "\uFF46\uFF52\uFF41\uFF55\uFF44", EnumSet.of(Field.MODEL)));
        h.add(new Hostile("l for 1 in 1.0.0", "l.0.0", EnumSet.of(Field.LABEL)));
        h.add(new Hostile("Cyrillic o in production", "pr\u043Eduction", EnumSet.of(Field.TARGET)));
        h.add(new Hostile("Greek omicron in production", "pr\u03BFduction", EnumSet.of(Field.TARGET)));
        h.add(new Hostile("Cyrillic a in stable", "st\u0430ble", EnumSet.of(Field.TAG_KEY)));
        h.add(new Hostile("rn for m", "rnodel", EnumSet.noneOf(Field.class)));
        // the --expect sentinel
        h.add(new Hostile("none", "none", EnumSet.of(Field.LABEL)));
        h.add(new Hostile("Cyrillic none", "n\u043Ene", EnumSet.of(Field.LABEL)));
        // strings that are fine everywhere and must be taken literally
        String[][] fine = {{"composed café", "caf\u00e9"}, {"decomposed café", "cafe\u0301"}, {"CJK", "模型"},
            {"Arabic", "نموذج"}, {"Hebrew", "מודל"}, {"Devanagari", "मॉडल"}, {"emoji", "rocket \uD83D\uDE80"},
            {"zalgo", "z\u0351\u0352\u0353a\u0354l"}, {"ligature", "\uFB01le"}, {"parent path", "../../etc"},
            {"absolute path", "/etc/passwd"}, {"windows path", "C:\\Windows\\x"}, {"dot", "."}, {"dotdot", ".."},
            {"tilde", "~root"}, {"percent n", "%n%n%s%d"}, {"at file", "@/etc/hostname"}, {"at", "@"},
            {"SQL", "x'; DROP TABLE models;--"}, {"shell", "$(rm -rf ~)`id`"}, {"template", "{{7*7}}${jndi:x}"},
            {"html", "<script>alert(1)</script>"}, {"quotes", "\"'\""}, {"backslash escape text", "\\u001b[31m"},
            {"inner space", "two words"}, {"null word", "null"}, {"NaN word", "NaN"}, {"picocli markup", "@|bold x|@"},
            {"comma", "a,b"}, {"formula", "+cmd"}};
        for (String[] f : fine) {
            h.add(new Hostile(f[0], f[1], EnumSet.noneOf(Field.class)));
        }
        return h;
    }

    /** True when {@code s} holds a character a terminal would act on or hide (a line break counts, except at the end). */
    public static boolean hasRawControl(String s) {
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        return body.codePoints().anyMatch(cp -> {
            int t = Character.getType(cp);
            return t == Character.CONTROL && cp != '\n' || t == Character.FORMAT && cp != 0x200D && cp != 0x200C
                    || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR || t == Character.SURROGATE;
        });
    }
}

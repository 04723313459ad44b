package dev.rewind.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A canonical SHA-256 over the facts an event commits to (a version's identity, artifact, metrics, params and
 * first tags; a target's identity). Fields are length-prefixed and fed in a fixed order, numbers as their
 * exact bits, so equal facts always give equal digests and different facts different ones.
 */
public final class FactsDigest {
    private final StringBuilder text = new StringBuilder(512);

    public FactsDigest(String what) {
        add(what);
    }

    public FactsDigest add(Object value) {
        if (value == null) {
            text.append("-1:");
        } else {
            String s = typed(value);
            text.append(s.length()).append(':').append(s);
        }
        text.append('|');
        return this;
    }

    /** As {@code add(value)} for a text value, without boxing: the same characters are fed. */
    public FactsDigest addText(String value) {
        if (value == null) {
            return add(null);
        }
        text.append(value.length() + 1).append(":s").append(value).append('|');
        return this;
    }

    /** As {@code add(value)} for an integer. */
    public FactsDigest addLong(long value) {
        String digits = Long.toString(value);
        text.append(digits.length() + 1).append(":i").append(digits).append('|');
        return this;
    }

    /** As {@code add(value)} for a real number. */
    public FactsDigest addDouble(double value) {
        String bits = Long.toHexString(Double.doubleToLongBits(value));
        text.append(bits.length() + 1).append(":d").append(bits).append('|');
        return this;
    }

    /** The storage type is part of the value: the text '5' and the number 5 differ. */
    private static String typed(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return exact(((Number) v).doubleValue());
        }
        if (v instanceof Number n) {
            return "i" + n.longValue();
        }
        if (v instanceof byte[] b) {
            return "b" + HexFormat.of().formatHex(b);
        }
        return "s" + v;
    }

    /** Bits, not decimal text: 0.1 and 0.10000000000000002 differ, and every NaN is one value. */
    private static String exact(double d) {
        return "d" + Long.toHexString(Double.doubleToLongBits(d));
    }

    public String hex() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

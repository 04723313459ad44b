package dev.rewind.catalog.sqlite;

import dev.rewind.catalog.FactsDigest;
import java.util.Arrays;

/**
 * The metric rows the bulk loader sent for the version it wrote last, kept so that the import event's digest need
 * not read them back and sort them (a third of an import's time). It is used only where it must equal the rows read
 * back: on SQLite (whose text order is the code-point order kept here), when the catalog holds exactly as many rows
 * for the version as were kept (metrics are never updated or deleted, so then they are these rows), and for values
 * SQLite reads back bit for bit (no -0.0, no infinity, no key with surrogates). Anything else: not known, read back.
 * At most {@link #MAX} rows are kept, so memory stays bounded whatever one run holds.
 */
final class WrittenMetrics {
    static final int MAX = 1 << 18;

    private long versionId = -1;
    private int size;
    private boolean usable;
    private String[] keys = new String[1024];
    private double[] values = new double[1024];
    private long[] steps = new long[1024];
    private boolean[] noStep = new boolean[1024];

    /** One row as bound: {@code value} null for NaN, {@code step} null for a summary. */
    void add(long version, String key, Double value, Long step) {
        if (version != versionId) {
            versionId = version;
            size = 0;
            usable = true;
        }
        if (!usable) {
            return;
        }
        if (size == MAX || !exact(key, value)) {
            usable = false;
            return;
        }
        if (size == keys.length) {
            int n = size * 2;
            keys = Arrays.copyOf(keys, n);
            values = Arrays.copyOf(values, n);
            steps = Arrays.copyOf(steps, n);
            noStep = Arrays.copyOf(noStep, n);
        }
        keys[size] = key;
        values[size] = value == null ? Double.NaN : value;
        noStep[size] = step == null;
        steps[size] = step == null ? 0 : step;
        size++;
    }

    private static boolean exact(String key, Double value) {
        if (value != null && (Double.isInfinite(value) || Double.doubleToRawLongBits(value) == Long.MIN_VALUE)) {
            return false; // -0.0 may come back as 0.0
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isSurrogate(key.charAt(i))) {
                return false; // UTF-16 order differs from SQLite's byte order there
            }
        }
        return true;
    }

    /** How many rows are known for {@code version}, or -1 when they are not known. */
    int known(long version) {
        return version == versionId && usable ? size : -1;
    }

    /**
     * Feeds the rows as {@link SqliteChain}'s metrics section reads them back: ordered by key, dataset (always '' from
     * the bulk loader), step and value, nulls first; texts, integers and reals by their type.
     */
    void digest(FactsDigest d) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, this::compare);
        for (int i : order) {
            d.addText(keys[i]).addText("");
            if (noStep[i]) {
                d.add(null);
            } else {
                d.addLong(steps[i]);
            }
            if (Double.isNaN(values[i])) {
                d.add(null);
            } else {
                d.addDouble(values[i]);
            }
        }
    }

    private int compare(int a, int b) {
        int c = keys[a].compareTo(keys[b]);
        if (c != 0) {
            return c;
        }
        if (noStep[a] != noStep[b]) {
            return noStep[a] ? -1 : 1;
        }
        c = noStep[a] ? 0 : Long.compare(steps[a], steps[b]);
        if (c != 0) {
            return c;
        }
        boolean na = Double.isNaN(values[a]);
        boolean nb = Double.isNaN(values[b]);
        if (na || nb) {
            return na == nb ? 0 : na ? -1 : 1;
        }
        return Double.compare(values[a], values[b]);
    }
}

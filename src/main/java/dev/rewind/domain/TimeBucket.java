package dev.rewind.domain;

/**
 * Versions of a model created in {@code [fromMs, toMs)}, counted by the catalog rather than read one by one;
 * {@code index} is the bucket's place in the range asked for (empty buckets are not returned).
 */
public record TimeBucket(int index, long fromMs, long toMs, int count, boolean failed, boolean stable,
                         boolean live) {
}

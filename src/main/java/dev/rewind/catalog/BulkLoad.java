package dev.rewind.catalog;

/**
 * Writes many versions inside one transaction with statements prepared once and rows sent in batches: for
 * generated catalogs (the huge demo), where a million versions must not pay a million statement preparations.
 * A version is
 * written at once (events refer to it); its metrics, params and tags are sent in batches, so {@link #flush} (or
 * close) before reading them back.
 */
public interface BulkLoad extends AutoCloseable {
    /** Writes a version and returns its id. */
    long version(NewVersion version);

    void metric(long versionId, String key, double value, Long step);

    void param(long versionId, String key, String value);

    void tag(long versionId, String key, String value);

    /** Sends every queued row to the catalog. */
    void flush();

    /** Flushes and releases the statements; the transaction stays the caller's to commit. */
    @Override
    void close();
}

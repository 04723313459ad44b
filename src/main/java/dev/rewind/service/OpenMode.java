package dev.rewind.service;

/** How to open a catalog file. */
public enum OpenMode {
    /** The file must be a catalog already. */
    EXISTING,
    /** Create an empty catalog if there is no file. */
    CREATE_EMPTY,
    /** Create the small demo if there is no file (first start). */
    DEMO_IF_MISSING,
    /** The file must be a catalog already, and is opened as it is: nothing is repaired (for verify). */
    AS_IS,
    /**
     * The file must be a catalog already, and is only read (no -wal/-shm left, a read-only user may run it);
     * an interrupted serving-dir switch still gets finished when the catalog can be written.
     */
    READ_ONLY,
    /** Read-only and as it is: nothing repaired, nothing written (verify without --repair). */
    INSPECT;

    boolean creates() {
        return this == CREATE_EMPTY || this == DEMO_IF_MISSING;
    }
}

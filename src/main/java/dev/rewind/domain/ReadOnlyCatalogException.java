package dev.rewind.domain;

/**
 * A change asked of a catalog this user cannot write (the file or its folder is read-only). Reading it still
 * works; the window opens it read-only instead. Exit code 3, like any catalog that cannot be used as asked.
 */
public final class ReadOnlyCatalogException extends RewindException {
    public ReadOnlyCatalogException(String location) {
        super(CATALOG_UNREADABLE, "catalog is read-only: " + location);
    }

    public ReadOnlyCatalogException(String location, Throwable cause) {
        super(CATALOG_UNREADABLE, "catalog is read-only: " + location, cause);
    }
}

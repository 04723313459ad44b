package dev.rewind.catalog;

/**
 * Formats of a stored directory's manifest. V1 had no header, so an empty directory had the checksum of an
 * empty file; V2 starts with a line naming the type and format, so no directory's checksum equals a file's.
 * New registrations use {@link #CURRENT}; V1 is still accepted when checking directories stored before.
 */
enum TreeManifest {
    V1(""),
    V2("rewind-tree 2\n");

    static final TreeManifest CURRENT = V2;

    private final String header;

    TreeManifest(String header) {
        this.header = header;
    }

    String header() {
        return header;
    }
}

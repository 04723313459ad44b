package dev.rewind.catalog.postgres;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.EventSigner;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens {@code postgresql://…} catalogs on their server and every other path as a file with {@code files}. A path
 * keeps only one slash after the scheme ({@code Path.of} folds the two), so the address is read back with both.
 */
public final class ServerOrFileOpener implements Catalog.Opener {
    private static final String FOLDED = "postgresql:/";

    private final Catalog.Opener files;
    private final EventSigner signer;
    private final Map<String, String> env;
    private final Path localRoot;

    /** {@code env} supplies PGPASSWORD and PGUSER; {@code localRoot} holds what this machine keeps per catalog. */
    public ServerOrFileOpener(Catalog.Opener files, EventSigner signer, Map<String, String> env, Path localRoot) {
        this.files = files;
        this.signer = signer;
        this.env = Map.copyOf(env);
        this.localRoot = localRoot;
    }

    /** The address a path stands for, or null when it names a file. */
    public PgAddress address(Path path) {
        String s = path.toString();
        if (PgAddress.isAddress(s)) {
            return PgAddress.parse(s, env);
        }
        return s.startsWith(FOLDED) ? PgAddress.parse(PgAddress.SCHEME + s.substring(FOLDED.length()), env) : null;
    }

    @Override
    public Catalog open(Path path, boolean create) {
        PgAddress a = address(path);
        return a == null ? files.open(path, create) : PostgresCatalog.open(a, create, signer, localRoot);
    }

    @Override
    public Catalog openReadOnly(Path path) {
        PgAddress a = address(path);
        return a == null ? files.openReadOnly(path) : PostgresCatalog.openReadOnly(a, signer, localRoot);
    }

    @Override
    public boolean exists(Path path) {
        PgAddress a = address(path);
        return a == null ? files.exists(path) : PostgresCatalog.exists(a);
    }
}

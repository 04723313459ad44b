package dev.rewind.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * {@code <catalog>.head}: a witness of the chain's newest event kept outside the catalog's rows, so deleting
 * the newest events is noticed. Replaced whole by a rename; it only ever moves forward within one catalog.
 */
public final class HeadFile {
    private static final System.Logger LOG = System.getLogger(HeadFile.class.getName());
    private final Path file;

    public HeadFile(Path catalogFile) {
        this.file = catalogFile.resolveSibling(catalogFile.getFileName() + ".head");
    }

    public Path path() {
        return file;
    }

    /** The recorded head, or empty when there is none or it is unreadable (reported by the caller). */
    public Optional<ChainHead> read() {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            return Optional.of(new ChainHead(p.getProperty("catalog", ""), Long.parseLong(p.getProperty("event")),
                    p.getProperty("hash"), p.getProperty("key"), p.getProperty("signature"),
                    Long.parseLong(p.getProperty("verified", "0")), emptyToNull(p.getProperty("failed"))));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "unreadable head file " + file, e);
            return Optional.empty();
        }
    }

    /** Records {@code e} as the head unless the file already names a newer event of the same catalog. */
    public void advance(String catalogId, EventRecord e) {
        ChainHead now = read().filter(h -> h.catalogId().equals(catalogId)).orElse(null);
        if (now != null && now.eventId() >= e.id()) {
            return;
        }
        write(now == null ? new ChainHead(catalogId, e.id(), e.hash(), e.keyId(), e.signature(), 0, null)
                : now.advancedTo(e));
    }

    /** Written aside and renamed over, so a reader sees the old or the new head, never half of one. */
    public void write(ChainHead h) {
        String text = "# Rewind: the newest event of " + file.getFileName().toString().replaceFirst("\\.head$", "")
                + "; verify compares the catalog with it\n"
                + "catalog=" + h.catalogId() + "\nevent=" + h.eventId() + "\nhash=" + h.hash() + "\nkey=" + nz(h.keyId())
                + "\nsignature=" + nz(h.signature()) + "\nverified=" + h.verifiedTo() + "\nfailed="
                + nz(h.failed()).replace('\n', ' ') + "\n";
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            removeLeftovers();
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the commit stands; a stale witness only weakens the check until the next write renews it
            LOG.log(System.Logger.Level.DEBUG, "could not write the head file " + file, e);
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                LOG.log(System.Logger.Level.DEBUG, "could not remove " + tmp, ignored);
            }
        }
    }

    /** A process killed between writing aside and renaming leaves a temporary file; a later write removes it. */
    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(file.getParent(), file.getFileName() + ".tmp-*")) {
            for (Path p : ds) {
                // young ones may be another process's write in progress
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.getLastModifiedTime(p,
                        LinkOption.NOFOLLOW_LINKS).toMillis() < System.currentTimeMillis() - 60_000) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

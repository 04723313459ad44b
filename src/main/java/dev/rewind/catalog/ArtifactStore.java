package dev.rewind.catalog;

import dev.rewind.domain.Artifact;
import dev.rewind.domain.ArtifactFile;
import dev.rewind.domain.RewindException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Content-addressed, write-once storage of artifacts beside the catalog: {@code artifacts/<sha256>}.
 * A file is stored as it is; a directory is stored as a tree, and its checksum is the SHA-256 of a manifest
 * that starts with its format ({@link TreeManifest}) and lists each regular file's relative path, size and SHA-256
 * in path order. Only regular files and folders are accepted (symbolic links, FIFOs, devices and sockets are
 * refused before a byte is read), up to a size limit and the free space of the store. Stored copies are
 * read-only for everyone and readable by everyone (0444 files, 0555 folders), so a model server under another
 * user can read them, and are never deleted. A copy that a killed process left is deleted on the next open.
 */
public final class ArtifactStore {
    private final Path root;
    /** Checksums this process verified, with the stamp of the bytes they were computed from. */
    private final Map<String, FileStamp> hashed = new ConcurrentHashMap<>();
    private final long maxBytes;
    /** A store the catalog records (a team's shared folder): never created here, its absence refuses each use. */
    private final boolean recorded;

    public ArtifactStore(Path root) {
        this(root, ArtifactLimits.maxBytes());
    }

    public ArtifactStore(Path root, long maxBytes) {
        this(root, maxBytes, false);
    }

    private ArtifactStore(Path root, long maxBytes, boolean recorded) {
        this.root = root;
        this.maxBytes = maxBytes;
        this.recorded = recorded;
    }

    /**
     * The store at a folder the catalog records, shared by every client: a missing folder (an NFS mount that is
     * down) is never created in its place, so nothing is stored where the others cannot see it.
     */
    public static ArtifactStore recorded(Path root) {
        return new ArtifactStore(root, ArtifactLimits.maxBytes(), true);
    }

    /** Whether the catalog records where this store lives (rather than keeping it beside itself). */
    public boolean isRecorded() {
        return recorded;
    }

    /** Why the store cannot be used at all, in one line naming its folder; null when it can. */
    public String unreachable() {
        return recorded && !Files.isDirectory(root)
                ? "the artifact store " + root + " recorded in the catalog is missing or unreachable"
                + " (is the shared folder mounted? 'rewind catalog artifacts DIR' changes it)" : null;
    }

    public Path root() {
        return root;
    }

    /** Whether the store's folder is there at all (a catalog file copied alone has none beside it). */
    public boolean present() {
        return Files.isDirectory(root);
    }

    /** Where the bytes with this checksum live (whether or not they exist). */
    public Path pathOf(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw RewindException.badInput("'" + sha256 + "' is not a SHA-256 checksum");
        }
        return root.resolve(sha256);
    }

    /** Copies a file or directory into the store (once per content) and returns its artifact. */
    public Artifact store(Path source) {
        BasicFileAttributes a = ArtifactLimits.kind(source);
        if (!Files.isReadable(source)) {
            throw RewindException.badInput("artifact file " + source + " cannot be read");
        }
        String down = unreachable();
        if (down != null) {
            throw RewindException.refused("cannot store artifact " + source + ": " + down);
        }
        try {
            Files.createDirectories(root);
            return a.isDirectory() ? storeTree(source) : storeFile(source, a.size());
        } catch (IOException e) {
            throw RewindException.badInput("cannot store artifact " + source + ": " + e.getMessage());
        }
    }

    /** Deletes copies that a killed process left behind; a copy still held by a live process is kept. */
    public void removeAbandonedCopies() {
        Incoming.removeAbandoned(root);
    }

    private Artifact storeFile(Path source, long expected) throws IOException {
        ArtifactLimits.requireRoom(source, expected, maxBytes, root);
        try (Incoming.File tmp = Incoming.file(root)) {
            MessageDigest md = sha256();
            long size;
            try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS);
                 OutputStream out = new DigestOutputStream(tmp.output(), md)) {
                size = ArtifactLimits.copyBounded(in, out, maxBytes, source);
            }
            fsync(tmp.path());
            String sha = HexFormat.of().formatHex(md.digest());
            Path target = root.resolve(sha);
            if (!Files.exists(target)) {
                ArtifactLimits.shareReadOnly(tmp.path());
                moveAtomically(tmp.path(), target);
            }
            return Artifact.stored(sha, size);
        }
    }

    private Artifact storeTree(Path source) throws IOException {
        List<Path> files = regularFiles(source);
        long size = 0;
        for (Path f : files) {
            size += Files.size(f);
        }
        ArtifactLimits.requireRoom(source, size, maxBytes, root);
        String sha = checksum(source);
        Path target = root.resolve(sha);
        if (Files.exists(target)) {
            return Artifact.stored(sha, size);
        }
        try (Incoming.Tree tmp = Incoming.tree(root)) {
            long copied = 0;
            for (Path f : files) {
                Path dest = tmp.path().resolve(source.relativize(f).toString());
                Files.createDirectories(dest.getParent());
                try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS);
                     OutputStream out = Files.newOutputStream(dest)) {
                    copied += ArtifactLimits.copyBounded(in, out, maxBytes - copied, source);
                }
                fsync(dest);
            }
            // the checksum is recomputed on the copy, so a source changed meanwhile cannot be stored under a wrong name
            if (!checksum(tmp.path()).equals(sha)) {
                throw new IOException("the directory changed while it was being copied; try again");
            }
            ArtifactLimits.shareReadOnlyTree(tmp.path());
            moveAtomically(tmp.path(), target);
            return Artifact.stored(sha, size);
        }
    }

    /** SHA-256 of a file, or of a directory's manifest (the current format). */
    public static String checksum(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return treeChecksum(path, TreeManifest.CURRENT);
        }
        return fileSha(path);
    }

    private static String treeChecksum(Path path, TreeManifest format) throws IOException {
        StringBuilder manifest = new StringBuilder(format.header());
        for (ArtifactFile f : entries(path)) {
            manifest.append(f.path()).append('\0').append(f.size()).append('\0').append(f.sha256()).append('\n');
        }
        return HexFormat.of().formatHex(sha256().digest(manifest.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A directory's manifest: each regular file's relative path, size and SHA-256, in path order. */
    private static List<ArtifactFile> entries(Path dir) throws IOException {
        List<ArtifactFile> out = new ArrayList<>();
        for (Path f : regularFiles(dir)) {
            out.add(new ArtifactFile(dir.relativize(f).toString().replace('\\', '/'), Files.size(f), fileSha(f)));
        }
        return out;
    }

    /**
     * The files of the stored directory with this checksum, as its manifest lists them (each one hashed now, so it
     * takes as long as checking the copy); empty when the stored copy is a single file.
     */
    public List<ArtifactFile> files(String sha256) throws IOException {
        Path p = pathOf(sha256);
        return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? entries(p) : List.of();
    }

    /** Whether stored bytes have a recorded checksum; a directory registered before the manifest header may use it. */
    private static String matching(Path p, String recorded) throws IOException {
        String actual = checksum(p);
        if (!actual.equals(recorded) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                && treeChecksum(p, TreeManifest.V1).equals(recorded)) {
            return recorded;
        }
        return actual;
    }

    /**
     * Checks the stored bytes of an artifact by hashing them; returns null when they are present with the
     * recorded checksum, otherwise a one-line description of the problem. A checksum that matched is remembered
     * with the bytes' {@link FileStamp}, for {@link #quickProblem} and {@link #unchangedSinceHashed}.
     */
    public String problemWith(Artifact artifact) {
        String missing = presence(artifact);
        if (missing != null) {
            return missing;
        }
        Path p = root.resolve(artifact.sha256());
        try {
            FileStamp before = FileStamp.of(p);
            String actual = matching(p, artifact.sha256());
            if (!actual.equals(artifact.sha256())) {
                hashed.remove(artifact.sha256());
                return "its artifact " + p + " was altered: SHA-256 is " + actual.substring(0, 12)
                        + "…, expected " + artifact.sha256().substring(0, 12) + "…";
            }
            if (before.equals(FileStamp.of(p))) {
                hashed.put(artifact.sha256(), before);
            }
            return null;
        } catch (IOException e) {
            return "its artifact " + p + " cannot be read: " + e.getMessage();
        }
    }

    /**
     * The cheap check for previews and for refusing early: the bytes are present with the recorded size and,
     * when this process hashed them before, with the same identity and modification time as then. Reads no
     * content, so it cannot see an edit that kept size and time; the hash before a switch does.
     */
    public String quickProblem(Artifact artifact) {
        String missing = presence(artifact);
        if (missing != null) {
            return missing;
        }
        Path p = root.resolve(artifact.sha256());
        try {
            FileStamp now = FileStamp.of(p);
            if (artifact.size() != null && now.size() != artifact.size()) {
                return "its artifact " + p + " was altered: " + now.size() + " bytes, expected " + artifact.size();
            }
            return null;
        } catch (IOException e) {
            return "its artifact " + p + " cannot be read: " + e.getMessage();
        }
    }

    /**
     * Whether the bytes are provably those this process last hashed and found matching: same files, inodes,
     * sizes and modification times. Lets a read-back confirm the checksum without a second full hash.
     */
    public boolean unchangedSinceHashed(Artifact artifact) {
        FileStamp then = artifact == null || artifact.sha256() == null ? null : hashed.get(artifact.sha256());
        if (then == null) {
            return false;
        }
        try {
            return then.equals(FileStamp.of(root.resolve(artifact.sha256())));
        } catch (IOException e) {
            return false;
        }
    }

    private String presence(Artifact artifact) {
        if (artifact == null || !artifact.stored()) {
            return "its artifact is not stored in this catalog's artifact store";
        }
        String down = unreachable();
        if (down != null) {
            return down;
        }
        Path p = root.resolve(artifact.sha256());
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return "its artifact " + p + " is missing";
        }
        if (Files.isSymbolicLink(p)) {
            return "its artifact " + p + " is a symbolic link, not stored bytes";
        }
        return null;
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                if (Files.isSymbolicLink(p)) {
                    throw RewindException.badInput("artifact directory " + dir + " contains a symbolic link: "
                            + dir.relativize(p));
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile()) {
                    out.add(p);
                } else if (a.isOther()) {
                    throw RewindException.badInput("artifact directory " + dir + " contains a device, FIFO or socket: "
                            + dir.relativize(p) + "; only regular files and folders can be stored");
                }
            }
        }
        out.sort((a, b) -> dir.relativize(a).toString().compareTo(dir.relativize(b).toString()));
        return out;
    }

    private static String fileSha(Path f) throws IOException {
        MessageDigest md = sha256();
        // a large direct buffer keeps a multi-GB hash close to the disk and digest speed (no extra copy)
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            while (ch.read(buf) >= 0) {
                buf.flip();
                md.update(buf);
                buf.clear();
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // another process stored the same bytes first: content-addressed, so theirs is ours
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}

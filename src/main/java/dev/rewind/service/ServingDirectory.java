package dev.rewind.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A folder a model server watches. {@code current} is a symbolic link to the live version's stored artifact,
 * replaced by renaming a fresh link over it (atomic); {@code DEPLOYED.json} says what is live and is replaced
 * the same way after an fsync. Rewind never writes through a link in here and never deletes anything but its
 * own leftover temporary files.
 */
final class ServingDirectory {
    static final String CURRENT = "current";
    static final String DEPLOYED = "DEPLOYED.json";
    static final String LOCK = ".rewind-lock";
    private static final String TMP_PREFIX = ".rewind-tmp-";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What {@code DEPLOYED.json} holds. */
    record Deployed(String model, String target, String version, String sha256, long eventId, String at,
                    String chainHead) {
        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model);
            m.put("target", target);
            m.put("version", version);
            m.put("sha256", sha256);
            m.put("eventId", eventId);
            m.put("at", at);
            // "<event id>:<hash>", a witness of the history outside the catalog (verify compares it)
            m.put("chain_head", chainHead);
            return m;
        }
    }

    /** What is on disk now: the link's target (not followed) and the parsed record, either possibly null. */
    record Observed(Path link, Deployed deployed, String problem) {
    }

    private final Path dir;

    ServingDirectory(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path lockFile() {
        return dir.resolve(LOCK);
    }

    void switchTo(Path artifact, Deployed info) throws IOException {
        Files.createDirectories(dir);
        Path current = dir.resolve(CURRENT);
        if (Files.exists(current, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(current)) {
            throw new IOException(current + " exists and is not a symbolic link; move it away so Rewind can manage it");
        }
        Path tmpLink = dir.resolve(TMP_PREFIX + UUID.randomUUID() + ".link");
        Files.createSymbolicLink(tmpLink, artifact);
        rename(tmpLink, current);
        Path tmpJson = dir.resolve(TMP_PREFIX + UUID.randomUUID() + ".json");
        Files.write(tmpJson, JSON.writeValueAsBytes(info.asMap()), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        try (FileChannel ch = FileChannel.open(tmpJson, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        rename(tmpJson, dir.resolve(DEPLOYED));
        fsyncDir();
    }

    /**
     * The switch as a shell command a person could run: the link replaced, and Rewind's
     * {@code DEPLOYED.json} beside it, which has no one-line equivalent.
     */
    static String nativeSwitch(Path dir, Path artifact) {
        return "ln -sfn " + sh(artifact.toString()) + " " + sh(dir.resolve(CURRENT).toString())
                + "   # and " + dir.resolve(DEPLOYED) + " rewritten to name the move";
    }

    private static String sh(String s) {
        return s.matches("[A-Za-z0-9_./@%+=:,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    Observed observe() {
        Path current = dir.resolve(CURRENT);
        Path link = null;
        try {
            if (Files.isSymbolicLink(current)) {
                link = Files.readSymbolicLink(current);
            } else if (Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                return new Observed(null, null, current + " is not a symbolic link");
            }
        } catch (IOException e) {
            return new Observed(null, null, "cannot read " + current + ": " + e.getMessage());
        }
        Path json = dir.resolve(DEPLOYED);
        if (!Files.exists(json, LinkOption.NOFOLLOW_LINKS)) {
            return new Observed(link, null, null);
        }
        if (Files.isSymbolicLink(json)) {
            return new Observed(link, null, json + " is a symbolic link, not Rewind's record");
        }
        try {
            Map<?, ?> m = JSON.readValue(Files.readAllBytes(json), Map.class);
            Deployed d = new Deployed(str(m.get("model")), str(m.get("target")), str(m.get("version")),
                    str(m.get("sha256")), m.get("eventId") instanceof Number n ? n.longValue() : -1, str(m.get("at")),
                    str(m.get("chain_head")));
            return new Observed(link, d, null);
        } catch (IOException e) {
            return new Observed(link, null, json + " is not valid JSON");
        }
    }

    /** Removes temporary files a crash left behind (links are removed, never followed). */
    int removeLeftovers() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, TMP_PREFIX + "*")) {
            for (Path p : ds) {
                if (Files.isSymbolicLink(p) || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(p);
                    n++;
                }
            }
        }
        return n;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(from);
            throw new IOException("the serving directory " + dir + " does not support atomic renames");
        }
    }

    private void fsyncDir() throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}

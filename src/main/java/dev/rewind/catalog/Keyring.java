package dev.rewind.catalog;

import dev.rewind.domain.RewindException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Ed25519 keys of the people acting on this machine, one file per actor in a private folder (0700, files
 * 0600), made on an actor's first write. Loaded keys are kept for the life of this object so signing stays cheap.
 */
public final class Keyring implements EventSigner {
    /** Environment variable or system property naming the key folder (tests point it at a temp dir). */
    public static final String DIR_SETTING = "REWIND_KEYS_DIR";
    private static final String ALGORITHM = "Ed25519";

    private final Path dir;
    private final Map<String, KeyPair> loaded = new ConcurrentHashMap<>();

    public Keyring(Path dir) {
        this.dir = dir;
    }

    /** {@code REWIND_KEYS_DIR} (property, then environment), else {@code ~/.rewind/keys}. */
    public static Path defaultDir() {
        String set = System.getProperty(DIR_SETTING, System.getenv(DIR_SETTING));
        if (set != null && !set.isBlank()) {
            return Path.of(set);
        }
        return Path.of(System.getProperty("user.home"), ".rewind", "keys");
    }

    @Override
    public Seal seal(String actor, String hash) {
        KeyPair kp = loaded.computeIfAbsent(actor, this::loadOrCreate);
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(kp.getPrivate());
            s.update(hash.getBytes(StandardCharsets.UTF_8));
            byte[] pub = kp.getPublic().getEncoded();
            return new Seal(fingerprint(pub), b64(pub), b64(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + ALGORITHM, e);
        }
    }

    /** Whether {@code signature} is {@code publicKey}'s signature of {@code hash}; false for malformed input. */
    public static boolean valid(String publicKey, String hash, String signature) {
        return publicKey(publicKey).map(k -> valid(k, hash, signature)).orElse(false);
    }

    /** A stored public key decoded, or empty when it is not an Ed25519 key. */
    public static Optional<PublicKey> publicKey(String base64) {
        try {
            return Optional.of(KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static boolean valid(PublicKey key, String hash, String signature) {
        ByteBuffer triple = KnownValid.digest(key, hash, signature);
        if (KnownValid.SEEN.contains(triple)) {
            return true;
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(hash.getBytes(StandardCharsets.UTF_8));
            boolean valid = s.verify(Base64.getDecoder().decode(signature));
            if (valid && KnownValid.SEEN.size() < KnownValid.MAX) {
                KnownValid.SEEN.add(triple);
            }
            return valid;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Signatures this process has already found valid. Whether a signature is valid is a pure function of key, hash
     * and signature, and one Ed25519 check (0.1–1 ms) is most of verifying a long history again (the window and
     * every verify after a move do). A tampered event changes its hash or signature, so it is checked afresh. Only
     * a digest of the triple is kept, and only so many, so memory stays small (≈ 20 MB at most).
     */
    private static final class KnownValid {
        static final int MAX = 200_000;
        static final Set<ByteBuffer> SEEN = ConcurrentHashMap.newKeySet();

        static ByteBuffer digest(PublicKey key, String hash, String signature) {
            try {
                MessageDigest d = MessageDigest.getInstance("SHA-256");
                d.update(key.getEncoded());
                d.update((byte) 0);
                d.update(hash.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(signature.getBytes(StandardCharsets.UTF_8));
                return ByteBuffer.wrap(d.digest());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A key's id: the SHA-256 of its encoded public key, so an id cannot be moved to another key. */
    public static String fingerprint(byte[] publicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String fingerprint(String publicKeyBase64) {
        try {
            return fingerprint(Base64.getDecoder().decode(publicKeyBase64));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private KeyPair loadOrCreate(String actor) {
        Path file = dir.resolve(fileName(actor));
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            KeyFactory f = KeyFactory.getInstance(ALGORITHM);
            PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0))));
            PublicKey pub = f.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1))));
            return new KeyPair(pub, priv);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw RewindException.refused("cannot use the signing key " + file + " of " + actor + ": "
                    + e.getMessage() + " (set " + DIR_SETTING + " to a folder you can write)");
        }
    }

    /** Written aside and linked into place, so two first writes at once end with one key both use. */
    private void create(Path file) throws IOException, GeneralSecurityException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            posix(dir, "rwx------");
        }
        KeyPair kp = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        Path tmp = dir.resolve(".tmp-" + UUID.randomUUID());
        Files.createFile(tmp);
        try {
            posix(tmp, "rw-------");
            Files.writeString(tmp, b64(kp.getPrivate().getEncoded()) + "\n" + b64(kp.getPublic().getEncoded()) + "\n",
                    StandardCharsets.US_ASCII);
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException e) {
            // another process made this actor's key first; use theirs
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void posix(Path p, String perms) throws IOException {
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        }
    }

    /** Actor names are free text; anything but a plain name becomes a digest, so it never makes a path. */
    static String fileName(String actor) {
        if (actor.matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}")) {
            return actor + ".ed25519";
        }
        return "x-" + fingerprint(actor.getBytes(StandardCharsets.UTF_8)).substring(0, 32) + ".ed25519";
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}

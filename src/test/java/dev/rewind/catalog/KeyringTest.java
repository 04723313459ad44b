package dev.rewind.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signature checks, including those answered from the memo of signatures already found valid. */
class KeyringTest {
    @TempDir
    Path dir;

    private static final String HASH = "a".repeat(64);

    @Test
    void aValidSignatureStaysValidWhenCheckedAgain() {
        EventSigner.Seal seal = new Keyring(dir).seal("ana", HASH);
        assertThat(Keyring.valid(seal.publicKey(), HASH, seal.signature())).isTrue();
        assertThat(Keyring.valid(seal.publicKey(), HASH, seal.signature())).isTrue();
    }

    @Test
    void anythingChangedAfterAValidCheckIsCheckedAfresh() {
        EventSigner.Seal ana = new Keyring(dir).seal("ana", HASH);
        EventSigner.Seal bob = new Keyring(dir).seal("bob", HASH);
        assertThat(Keyring.valid(ana.publicKey(), HASH, ana.signature())).isTrue();

        assertThat(Keyring.valid(ana.publicKey(), "b".repeat(64), ana.signature())).as("another hash").isFalse();
        assertThat(Keyring.valid(bob.publicKey(), HASH, ana.signature())).as("another key").isFalse();
        byte[] sig = Base64.getDecoder().decode(ana.signature());
        sig[5] ^= 1;
        assertThat(Keyring.valid(ana.publicKey(), HASH, Base64.getEncoder().encodeToString(sig)))
                .as("a flipped bit").isFalse();
        assertThat(Keyring.valid(ana.publicKey(), HASH, "not base64!")).as("garbage").isFalse();
    }
}

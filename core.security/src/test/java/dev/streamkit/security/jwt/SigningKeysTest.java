package dev.streamkit.security.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    private static final Duration LONGEST = Duration.ofHours(1);

    @TempDir
    Path dir;
    private final SteppingClock clock = new SteppingClock();

    @Test
    void generatesAnOwnerOnlyPrivateJwkAndAPublicJwksOnFirstUse() throws Exception {
        SigningKeys keys = SigningKeys.open(dir, clock, LONGEST);
        Path privateFile = dir.resolve(SigningKeys.PRIVATE_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)));
        OctetKeyPair jwk = OctetKeyPair.parse(Files.readString(privateFile));
        assertEquals("Ed25519", jwk.getCurve().getName());
        assertEquals(keys.activeKeyId(), jwk.getKeyID());

        String jwks = Files.readString(dir.resolve(SigningKeys.JWKS_FILE));
        OctetKeyPair published = (OctetKeyPair) JWKSet.parse(jwks).getKeyByKeyId(keys.activeKeyId());
        assertFalse(published.isPrivate());
        assertEquals("EdDSA", published.getAlgorithm().getName());
        assertEquals("sig", published.getKeyUse().identifier());
        assertFalse(jwks.contains(jwk.getD().toString()), "jwks.json must not hold the private part");
    }

    @Test
    void reopeningKeepsTheSameKey() throws Exception {
        String kid = SigningKeys.open(dir, clock, LONGEST).activeKeyId();
        assertEquals(kid, SigningKeys.open(dir, clock, LONGEST).activeKeyId());
    }

    @Test
    void refusesAPrivateKeyOthersCanRead() throws Exception {
        SigningKeys.open(dir, clock, LONGEST);
        Files.setPosixFilePermissions(dir.resolve(SigningKeys.PRIVATE_FILE), PosixFilePermissions.fromString("rw-r--r--"));
        IOException e = assertThrows(IOException.class, () -> SigningKeys.open(dir, clock, LONGEST));
        assertTrue(e.getMessage().contains("Insecure permissions"));
    }

    @Test
    void rotationKeepsTheOldPublicKeyUntilItsTokensHaveExpired() throws Exception {
        SigningKeys keys = SigningKeys.open(dir, clock, LONGEST);
        String old = keys.activeKeyId();
        keys.rotate();
        assertNotEquals(old, keys.activeKeyId());
        assertTrue(keys.verifierFor(old).isPresent());
        assertTrue(SigningKeys.open(dir, clock, LONGEST).verifierFor(old).isPresent(), "survives a restart");

        clock.advance(LONGEST);
        assertTrue(keys.verifierFor(old).isEmpty());
        assertFalse(keys.publicJwks().contains(old));
        assertTrue(keys.verifierFor(keys.activeKeyId()).isPresent());
    }
}

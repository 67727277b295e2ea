package dev.streamkit.security.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthStateTest {

    @TempDir
    Path dir;
    private final SteppingClock clock = new SteppingClock();

    @Test
    void bootstrapWritesAnOwnerOnlyAdminTokenOnce() throws Exception {
        AuthState state = open();
        assertTrue(state.bootstrapAdminToken());
        Path file = state.adminTokenFile();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        ApiClaims claims = state.verifier().verifyApi(Files.readString(file), Set.of("admin")::contains);
        assertEquals("admin", claims.role());
        TokenRecord record = state.registry().find(claims.jti()).orElseThrow();
        assertEquals(AuthState.BOOTSTRAP, record.createdBy());
        assertEquals(new ServerConfig.Auth().apiMaxTtlSecs, record.exp() - record.createdAt());

        assertFalse(open().bootstrapAdminToken(), "a second start keeps the first token");
    }

    @Test
    void tokensSignedBeforeARotationVerifyUntilTheyExpireAndAcrossRestarts() throws Exception {
        AuthState state = open();
        assertTrue(state.bootstrapAdminToken());
        MintedToken before = state.minter().mintApi("user", null, 3600L, "t");
        MintedToken revoked = state.minter().mintApi("user", null, 3600L, "t");
        String oldAdmin = Files.readString(state.adminTokenFile());
        state.rotateKey();
        state.registry().revoke(revoked.jti());

        AuthState restarted = open();
        assertEquals("user", restarted.verifier().verifyApi(before.token(), Set.of("user")::contains).role());
        assertThrows(TokenRejected.class, () -> restarted.verifier().verifyApi(revoked.token(), Set.of("user")::contains));
        String newAdmin = Files.readString(restarted.adminTokenFile());
        assertNotEquals(oldAdmin, newAdmin, "rotation writes a new bootstrap admin token");
        assertEquals("admin", restarted.verifier().verifyApi(newAdmin, Set.of("admin")::contains).role());
        assertEquals("admin", restarted.verifier().verifyApi(oldAdmin, Set.of("admin")::contains).role());

        clock.advance(Duration.ofSeconds(3600));
        assertThrows(TokenRejected.class, () -> restarted.verifier().verifyApi(before.token(), Set.of("user")::contains));
        assertNotEquals(before.jti(), revoked.jti());
    }

    @Test
    void refusesATtlOverTheMaximumWithStreamKitsText() throws Exception {
        AuthState state = open();
        long max = new ServerConfig.Auth().apiMaxTtlSecs;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> state.minter().mintApi("user", null, max + 1, "t"));
        assertEquals("TTL exceeds maximum allowed (" + max + " seconds)", e.getMessage());
    }

    private AuthState open() throws Exception {
        ServerConfig.Auth config = new ServerConfig.Auth();
        config.stateDir = dir.resolve("auth").toString();
        return AuthState.open(Path.of(config.stateDir), TokenLifetimes.of(config), clock);
    }
}

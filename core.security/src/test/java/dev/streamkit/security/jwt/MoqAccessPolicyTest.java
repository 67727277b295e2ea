package dev.streamkit.security.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.config.ServerConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoqAccessPolicyTest {

    @TempDir
    Path dir;
    private AuthState state;
    private MoqAccessPolicy policy;

    @BeforeEach
    void open() throws Exception {
        state = AuthState.open(dir, TokenLifetimes.of(new ServerConfig.Auth()), new SteppingClock());
        policy = new MoqAccessPolicy(true, List.of("/public"), state::verifier);
    }

    @Test
    void grantsEverythingWhenOffOrOnAPublicPath() throws Exception {
        assertSame(MoqGrant.ALL, new MoqAccessPolicy(false, List.of(), state::verifier).authorize("/moq/x", null));
        assertSame(MoqGrant.ALL, policy.authorize("/public/room", null));
        assertThrows(TokenRejected.class, () -> policy.authorize("/publicity", null), "segment-wise, not by characters");
    }

    @Test
    void refusesAnApiTokenAMissingOneAndAForeignRoot() throws Exception {
        String api = state.minter().mintApi("admin", null, null, "test").token();
        assertTrue(assertThrows(TokenRejected.class, () -> policy.authorize("/moq/a", api)).getMessage().startsWith("Invalid token"));
        assertEquals("No authentication token provided",
                assertThrows(TokenRejected.class, () -> policy.authorize("/moq/a", null)).getMessage());
        String moq = state.minter().mintMoq("/moq/a", List.of(""), List.of(""), null, null, "test").token();
        assertThrows(TokenRejected.class, () -> policy.authorize("/moq/b", moq));
        assertThrows(TokenRejected.class, () -> policy.authorize("/moq/ab", moq));
    }

    @Test
    void scopesTheGrantToTheConnectionPath() throws Exception {
        String moq = state.minter().mintMoq("/moq", List.of("a/b/out"), List.of("a/b/c/input", "z/in"), null, null, "test").token();
        MoqGrant grant = policy.authorize("/moq/a/b", moq);
        assertTrue(grant.mayPublish("c/input"));
        assertTrue(grant.mayPublish("c/input/left"));
        assertFalse(grant.mayPublish("z/in"), "outside the connection path: dropped");
        assertTrue(grant.maySubscribe("out"));
        assertFalse(grant.maySubscribe("outer"));
    }

    @Test
    void refusesARevokedToken() throws Exception {
        var minted = state.minter().mintMoq("/moq", List.of(""), List.of(""), null, null, "test");
        state.registry().revoke(minted.jti());
        assertEquals("Token has been revoked",
                assertThrows(TokenRejected.class, () -> policy.authorize("/moq", minted.token())).getMessage());
    }
}

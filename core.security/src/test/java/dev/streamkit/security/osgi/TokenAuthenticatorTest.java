package dev.streamkit.security.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.config.ServerConfig;
import dev.streamkit.security.BuiltInRoles;
import dev.streamkit.security.Permission;
import dev.streamkit.security.PermissionSet;
import dev.streamkit.security.auth.AuthenticationFailed;
import dev.streamkit.security.auth.Caller;
import dev.streamkit.security.jwt.AuthState;
import dev.streamkit.security.jwt.TokenLifetimes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenAuthenticatorTest {

    @TempDir
    Path dir;
    private TokenAuthenticator authenticator;

    @BeforeEach
    void open() throws Exception {
        authenticator = TokenAuthenticator.enabled("skit_session", BuiltInRoles.all(),
                () -> AuthState.open(dir, TokenLifetimes.of(new ServerConfig.Auth()), Clock.systemUTC()));
    }

    private String mint(String role) throws Exception {
        return authenticator.state().minter().mintApi(role, null, null, "test").token();
    }

    @Test
    void givesTheTokensRoleFromHeaderOrCookieButNeverTheQuery() throws Exception {
        String token = mint("viewer");
        Caller caller = authenticator.authenticate(Map.of("Authorization", "Bearer " + token)::get);
        assertEquals("viewer", caller.role().name());
        assertFalse(caller.role().can(Permission.CREATE_SESSIONS));
        assertEquals("viewer", authenticator.authenticate(Map.of("Cookie", "skit_session=" + token)::get).role().name());
        assertEquals(AuthenticationFailed.NO_TOKEN,
                assertThrows(AuthenticationFailed.class, () -> authenticator.authenticate(Map.<String, String>of()::get)).getMessage());
    }

    @Test
    void refusesARoleThatIsNoLongerConfigured() throws Exception {
        Map<String, PermissionSet> roles = new HashMap<>(BuiltInRoles.all());
        roles.put("ops", BuiltInRoles.USER);
        TokenAuthenticator withOps = TokenAuthenticator.enabled("skit_session", roles,
                () -> AuthState.open(dir, TokenLifetimes.of(new ServerConfig.Auth()), Clock.systemUTC()));
        String ops = withOps.state().minter().mintApi("ops", null, null, "test").token();
        assertEquals("ops", withOps.verify(ops).role().name());
        authenticator.reloadKeys();
        assertEquals("Token has unknown role", assertThrows(AuthenticationFailed.class, () -> authenticator.verify(ops)).getMessage());
    }

    @Test
    void reloadSeesRevocationsMadeOnDisk() throws Exception {
        String token = mint("admin");
        String jti = authenticator.verify(token).jti();
        AuthState elsewhere = AuthState.open(dir, TokenLifetimes.of(new ServerConfig.Auth()), Clock.systemUTC());
        elsewhere.registry().revoke(jti);
        assertEquals("admin", authenticator.verify(token).role().name(), "the old state until reloaded");
        authenticator.reloadKeys();
        assertEquals("Token has been revoked", assertThrows(AuthenticationFailed.class, () -> authenticator.verify(token)).getMessage());
    }

    @Test
    void disabledRefusesToAuthenticate() {
        TokenAuthenticator off = TokenAuthenticator.disabled("skit_session", BuiltInRoles.all());
        assertFalse(off.enabled());
        assertThrows(IllegalStateException.class, () -> off.authenticate(Map.<String, String>of()::get));
        assertTrue(off.configuredRole("viewer").isPresent());
    }
}

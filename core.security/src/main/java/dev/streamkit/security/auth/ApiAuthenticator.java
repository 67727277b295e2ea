package dev.streamkit.security.auth;

import dev.streamkit.security.Role;
import dev.streamkit.security.jwt.AuthState;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server's JWT authentication of HTTP requests and WebSocket upgrades (an OSGi service, always registered:
 * {@link #enabled()} says whether it applies). When enabled, every {@code /api/*} route except
 * {@code /api/v1/auth/*}, the control WebSocket and the web console require a valid API token; the caller's role
 * comes from it.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ApiAuthenticator {

    /** Whether JWT auth is on ({@code [auth].mode}, and for {@code auto} the listen address). */
    boolean enabled();

    /** {@code [auth].cookie_name}. */
    String cookieName();

    /**
     * The caller of a request, from its token ({@link RequestTokens}).
     *
     * @param headers header lookup by name (case-insensitive), {@code null} when absent
     * @throws AuthenticationFailed no token, or the token is refused (StreamKit's 401 texts)
     * @throws IllegalStateException when auth is off
     */
    Caller authenticate(Function<String, String> headers) throws AuthenticationFailed;

    /**
     * The caller a token stands for, as {@link #authenticate} but with the token given.
     *
     * @throws AuthenticationFailed the token is refused
     */
    Caller verify(String token) throws AuthenticationFailed;

    /** The configured role {@code name} (built-ins included), or nothing. */
    Optional<Role> configuredRole(String name);

    /**
     * The open state directory (keys, registry, minter, verifier); it is replaced by {@link #reloadKeys}.
     *
     * @throws IllegalStateException when auth is off
     */
    AuthState state();

    /**
     * Re-reads keys, JWKS and token metadata from {@code [auth].state_dir} (after {@code skit auth rotate-key}).
     * On failure the previous state stays in use.
     */
    void reloadKeys() throws IOException;
}

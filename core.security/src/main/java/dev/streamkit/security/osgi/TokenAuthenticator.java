package dev.streamkit.security.osgi;

import dev.streamkit.security.PermissionSet;
import dev.streamkit.security.Role;
import dev.streamkit.security.auth.ApiAuthenticator;
import dev.streamkit.security.auth.AuthenticationFailed;
import dev.streamkit.security.auth.Caller;
import dev.streamkit.security.auth.RequestTokens;
import dev.streamkit.security.jwt.ApiClaims;
import dev.streamkit.security.jwt.AuthState;
import dev.streamkit.security.jwt.TokenRejected;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * {@link ApiAuthenticator} over an {@link AuthState}, or switched off. A token's role must be one of the
 * configured roles; the caller gets exactly that role's permissions. Thread-safe: {@link #reloadKeys} swaps the
 * state in one step.
 */
final class TokenAuthenticator implements ApiAuthenticator {

    /** Opens the state directory (again, on reload). */
    @FunctionalInterface
    interface StateOpener {
        AuthState open() throws IOException;
    }

    private final String cookieName;
    private final Map<String, PermissionSet> roles;
    private final StateOpener opener;
    private final AtomicReference<AuthState> state = new AtomicReference<>();

    private TokenAuthenticator(String cookieName, Map<String, PermissionSet> roles, StateOpener opener) {
        this.cookieName = cookieName;
        this.roles = Map.copyOf(roles);
        this.opener = opener;
    }

    /** Auth off: {@link #authenticate} and {@link #state} refuse to work. */
    static TokenAuthenticator disabled(String cookieName, Map<String, PermissionSet> roles) {
        return new TokenAuthenticator(cookieName, roles, null);
    }

    /** Auth on, with the state {@code opener} opens now. */
    static TokenAuthenticator enabled(String cookieName, Map<String, PermissionSet> roles, StateOpener opener) throws IOException {
        TokenAuthenticator authenticator = new TokenAuthenticator(cookieName, roles, opener);
        authenticator.state.set(opener.open());
        return authenticator;
    }

    @Override
    public boolean enabled() {
        return opener != null;
    }

    @Override
    public String cookieName() {
        return cookieName;
    }

    @Override
    public Caller authenticate(Function<String, String> headers) throws AuthenticationFailed {
        state();
        String token = RequestTokens.of(headers, cookieName);
        if (token == null) throw new AuthenticationFailed(AuthenticationFailed.NO_TOKEN);
        return verify(token);
    }

    @Override
    public Caller verify(String token) throws AuthenticationFailed {
        try {
            ApiClaims claims = state().verifier().verifyApi(token, roles::containsKey);
            return new Caller(new Role(claims.role(), roles.get(claims.role())), claims.jti(), claims.exp());
        } catch (TokenRejected e) {
            throw new AuthenticationFailed(e.getMessage());
        }
    }

    @Override
    public Optional<Role> configuredRole(String name) {
        PermissionSet permissions = name == null ? null : roles.get(name);
        return permissions == null ? Optional.empty() : Optional.of(new Role(name, permissions));
    }

    @Override
    public AuthState state() {
        AuthState current = state.get();
        if (current == null) throw new IllegalStateException("Authentication is disabled");
        return current;
    }

    @Override
    public void reloadKeys() throws IOException {
        state();
        state.set(opener.open());
    }

    @Override
    public String toString() {
        return "TokenAuthenticator[enabled=" + enabled() + ", roles=" + roles.keySet() + "]";
    }
}

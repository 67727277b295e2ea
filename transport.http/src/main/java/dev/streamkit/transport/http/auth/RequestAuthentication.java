package dev.streamkit.transport.http.auth;

import dev.streamkit.security.auth.ApiAuthenticator;
import dev.streamkit.security.auth.AuthenticationFailed;
import dev.streamkit.security.auth.Caller;
import dev.streamkit.security.auth.RequestTokens;
import org.eclipse.jetty.server.Request;

/**
 * Authenticates HTTP requests (auth on) with the per-address failure limit: an address over its limit is
 * refused before its token is even looked at, and every presented token that fails counts against it (a request
 * without any token does not: it guesses nothing).
 */
public final class RequestAuthentication {

    private final ApiAuthenticator authenticator;
    private final FailedAuthLimiter limiter;

    public RequestAuthentication(ApiAuthenticator authenticator, FailedAuthLimiter limiter) {
        this.authenticator = authenticator;
        this.limiter = limiter;
    }

    /** Whether auth is on. */
    public boolean enabled() {
        return authenticator.enabled();
    }

    /** The authenticator itself (state, roles, reload). */
    ApiAuthenticator authenticator() {
        return authenticator;
    }

    /** The caller of {@code request}, from its Bearer header or session cookie. */
    Caller authenticate(Request request) throws AuthRefusal {
        return verify(request, RequestTokens.of(name -> request.getHeaders().get(name), authenticator.cookieName()));
    }

    /** The caller {@code token} (possibly {@code null}: none) stands for, sent with {@code request}. */
    Caller verify(Request request, String token) throws AuthRefusal {
        String address = Request.getRemoteAddr(request);
        long wait = limiter.retryAfterSeconds(address);
        if (wait > 0) throw AuthRefusal.throttled(wait);
        if (token == null) throw AuthRefusal.unauthorized(AuthenticationFailed.NO_TOKEN);
        try {
            return authenticator.verify(token);
        } catch (AuthenticationFailed e) {
            limiter.recordFailure(address);
            throw AuthRefusal.unauthorized(e.getMessage());
        }
    }
}

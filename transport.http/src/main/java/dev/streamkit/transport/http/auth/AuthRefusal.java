package dev.streamkit.transport.http.auth;

import dev.streamkit.transport.http.api.HttpStatusException;
import dev.streamkit.transport.http.api.Responses;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A request refused for lack of valid credentials: 401 with StreamKit's text and {@code WWW-Authenticate: Bearer},
 * or 429 with {@code Retry-After} when its address failed too often ({@link FailedAuthLimiter}).
 */
final class AuthRefusal extends HttpStatusException {

    private static final long serialVersionUID = 1L;
    static final String TOO_MANY = "Too many failed authentication attempts; retry later";

    private final long retryAfterSecs;

    private AuthRefusal(int status, String message, long retryAfterSecs) {
        super(status, message);
        this.retryAfterSecs = retryAfterSecs;
    }

    static AuthRefusal unauthorized(String message) {
        return new AuthRefusal(401, message, 0);
    }

    static AuthRefusal throttled(long retryAfterSecs) {
        return new AuthRefusal(429, TOO_MANY, retryAfterSecs);
    }

    /** Answers the request with this refusal. */
    void send(Response response, Callback callback) {
        if (status() == 401) response.getHeaders().put("WWW-Authenticate", "Bearer");
        if (retryAfterSecs > 0) response.getHeaders().put("Retry-After", Long.toString(retryAfterSecs));
        Responses.text(response, callback, status(), getMessage());
    }
}

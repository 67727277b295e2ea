package dev.streamkit.security.auth;

import java.util.Locale;
import java.util.function.Function;

/**
 * Finds the token of a request as StreamKit does: {@code Authorization: Bearer <token>} first, else the
 * session cookie. Query strings are never looked at: a token there would end up in access logs and browser
 * history.
 */
public final class RequestTokens {

    private static final String BEARER = "bearer ";

    private RequestTokens() {
    }

    /**
     * The request's token, or {@code null}.
     *
     * @param headers    header lookup by name (case-insensitive), {@code null} when absent
     * @param cookieName {@code [auth].cookie_name}
     */
    public static String of(Function<String, String> headers, String cookieName) {
        String authorization = headers.apply("Authorization");
        if (authorization != null && authorization.length() > BEARER.length()
                && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            String token = authorization.substring(BEARER.length()).trim();
            if (!token.isEmpty()) return token;
        }
        return cookie(headers.apply("Cookie"), cookieName);
    }

    /** The value of cookie {@code name} in a {@code Cookie} header ({@code a=1; b=2}), or {@code null}. */
    static String cookie(String header, String name) {
        if (header == null) return null;
        for (String pair : header.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
                String value = pair.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}

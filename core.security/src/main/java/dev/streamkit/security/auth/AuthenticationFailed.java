package dev.streamkit.security.auth;

/**
 * A request refused by {@link ApiAuthenticator#authenticate}: the transports answer 401 with
 * {@link #getMessage()}, one of StreamKit's texts ("No authentication token provided", "Invalid token: ...",
 * "Token has been revoked", ...). The message never contains the token.
 */
public final class AuthenticationFailed extends Exception {

    private static final long serialVersionUID = 1L;

    /** StreamKit's text when a request carries no token at all. */
    public static final String NO_TOKEN = "No authentication token provided";

    public AuthenticationFailed(String message) {
        super(message, null, false, false);
    }
}

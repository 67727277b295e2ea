package dev.streamkit.security.jwt;

/**
 * A token refused by {@link TokenVerifier}; transports answer 401 with {@link #getMessage()}, which uses
 * StreamKit's texts ("Invalid token: ...", "Token has been revoked", "Token not recognized (not minted by
 * this server)", "Token has unknown role") and never repeats the token or any part of its header.
 */
public final class TokenRejected extends Exception {

    private static final long serialVersionUID = 1L;

    TokenRejected(String message) {
        super(message, null, false, false);
    }

    static TokenRejected invalid(String why) {
        return new TokenRejected("Invalid token: " + why);
    }

    static TokenRejected revoked() {
        return new TokenRejected("Token has been revoked");
    }

    static TokenRejected notRecognized() {
        return new TokenRejected("Token not recognized (not minted by this server)");
    }

    static TokenRejected unknownRole() {
        return new TokenRejected("Token has unknown role");
    }
}

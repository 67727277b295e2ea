package dev.streamkit.security.jwt;

/** Makes the verifier's refusals for the gateway's tests (their constructors are the verifier's own). */
public final class TokenRejections {

    private TokenRejections() {
    }

    /** StreamKit's "Invalid token: ..." refusal. */
    public static TokenRejected invalid(String why) {
        return TokenRejected.invalid(why);
    }
}

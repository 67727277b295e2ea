package dev.streamkit.security.jwt;

/**
 * A token just minted: the only moment the raw token exists on the server. {@link #toString} leaves the
 * token out so that logging a result cannot leak it.
 *
 * @param token the compact JWT, to hand to the caller once
 * @param jti   its id
 * @param exp   its expiry, unix seconds
 */
public record MintedToken(String token, String jti, long exp) {

    @Override
    public String toString() {
        return "MintedToken[jti=" + jti + ", exp=" + exp + ", token=<redacted>]";
    }
}

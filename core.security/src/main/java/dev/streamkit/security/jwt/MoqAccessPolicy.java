package dev.streamkit.security.jwt;

import java.util.List;
import java.util.function.Supplier;

/**
 * The server's {@link MoqAuthorizer}: with auth off, or for a connection path under one of
 * {@code [auth].moq_public_paths}, everything is granted; otherwise the connection needs a MoQ-audience token
 * whose {@code root} covers the path, and gets that token's permissions reduced to the path
 * ({@link MoqClaims#scopedTo}). API tokens never pass (their audience differs). Thread-safe.
 */
public final class MoqAccessPolicy implements MoqAuthorizer {

    private final boolean enabled;
    private final List<String> publicPaths;
    private final Supplier<TokenVerifier> verifier;

    /**
     * @param enabled     whether auth is on
     * @param publicPaths path prefixes open without a token (segment-wise, see {@link MoqPaths})
     * @param verifier    the current verifier (it changes when keys are reloaded); unused when auth is off
     */
    public MoqAccessPolicy(boolean enabled, List<String> publicPaths, Supplier<TokenVerifier> verifier) {
        this.enabled = enabled;
        this.publicPaths = List.copyOf(publicPaths);
        this.verifier = verifier;
    }

    @Override
    public MoqGrant authorize(String connectionPath, String token) throws TokenRejected {
        if (!enabled || MoqPaths.anyCovers(publicPaths, connectionPath)) return MoqGrant.ALL;
        if (token == null || token.isEmpty()) throw new TokenRejected("No authentication token provided");
        MoqClaims claims = verifier.get().verifyMoq(token);
        return claims.scopedTo(connectionPath)
                .orElseThrow(() -> new TokenRejected("Invalid token: root does not cover this path"));
    }

    @Override
    public String toString() {
        return "MoqAccessPolicy[enabled=" + enabled + ", public=" + publicPaths + "]";
    }
}

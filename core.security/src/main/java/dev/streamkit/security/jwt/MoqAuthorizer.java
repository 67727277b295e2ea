package dev.streamkit.security.jwt;

/**
 * Decides whether a WebTransport (MoQ) connection may open, and what it may publish and subscribe to; the MoQ
 * gateway calls it for every connection, with the {@code jwt} query parameter (or {@code null}). Registered as
 * an OSGi service by whoever owns the server's auth state. When auth is off, or the path lies under
 * {@code [auth].moq_public_paths}, it grants everything.
 */
@org.osgi.annotation.versioning.ProviderType
public interface MoqAuthorizer {

    /**
     * Verifies {@code token} (a MoQ-audience JWT) for a connection on {@code connectionPath}.
     *
     * @throws TokenRejected when auth is on and the token is missing, invalid, revoked, of the API audience, or
     *                       its {@code root} does not cover the path; the message is safe to log (no token)
     */
    MoqGrant authorize(String connectionPath, String token) throws TokenRejected;
}

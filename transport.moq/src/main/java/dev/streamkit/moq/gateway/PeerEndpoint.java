package dev.streamkit.moq.gateway;

import dev.streamkit.security.jwt.MoqGrant;

/**
 * The gateway's view of a {@code transport::moq::peer} node: it admits or refuses connections on the peer's
 * routes, given what the connection's token grants. Called on transport threads, never under the gateway's
 * lock; must answer without blocking.
 */
public interface PeerEndpoint {

    /** Admits or refuses a connection that came in as {@code role}, allowed {@code grant}. */
    Admission admit(GatewayRole role, MoqGrant grant);
}

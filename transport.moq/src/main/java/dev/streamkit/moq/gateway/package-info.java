/**
 * StreamKit's MoQ gateway: WebTransport connections routed by exact path to the {@code transport::moq::peer}
 * node that registered it ({@link dev.streamkit.moq.gateway.MoqGateway}). Paths come in threes per peer
 * ({@link dev.streamkit.moq.gateway.GatewayRole}); a connection may wait for its path, bounded and without a
 * thread; the optional {@code MoqAuthorizer} grants, the peer admits, the moq-lite handshake follows.
 */
package dev.streamkit.moq.gateway;

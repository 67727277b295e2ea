package dev.streamkit.moq.gateway;

/** Where a registered path leads: a peer endpoint, in one of its roles. */
record Route(PeerEndpoint endpoint, GatewayRole role) {
}

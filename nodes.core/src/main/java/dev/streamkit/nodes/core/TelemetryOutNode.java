package dev.streamkit.nodes.core;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.Packet;

/**
 * {@code core::telemetry_out}: a terminal node for side branches that turns the packets it receives into
 * events on the session's telemetry bus and sends nothing. Non-blocking: the conversion is cheap and
 * publishing never waits.
 *
 * @param observer converts, filters and publishes (one per node: it holds the rate limits)
 */
record TelemetryOutNode(TelemetryObserver observer) implements Node {

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) {
        observer.observe(packet, out);
    }
}

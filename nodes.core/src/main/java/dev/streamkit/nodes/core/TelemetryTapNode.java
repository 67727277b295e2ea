package dev.streamkit.nodes.core;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.Packet;

/**
 * {@code core::telemetry_tap}: forwards every packet unchanged from {@code in} to {@code out} and, on the
 * side, publishes the telemetry events it gives rise to, audio levels included. Events go out before the
 * packet, so a slow consumer does not delay them. Non-blocking.
 *
 * @param observer converts, filters and publishes (one per node: it holds the rate limits and audio level)
 */
record TelemetryTapNode(TelemetryObserver observer) implements Node {

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) {
        observer.observe(packet, out);
        out.send("out", packet);
    }
}

package dev.streamkit.nodes.core;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.Packet;

/** {@code core::passthrough}: forwards every packet unchanged from {@code in} to {@code out}. */
final class PassthroughNode implements Node {

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) {
        out.send("out", packet);
    }
}

package dev.streamkit.transport.http.oneshot;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import java.io.IOException;

/**
 * The sink behind {@code streamkit::http_output}: writes each binary packet to the response as it
 * arrives. It runs inline on its upstream's thread; its blocking writes are the client's backpressure.
 */
final class HttpOutputNode implements Node {

    private final ResponseStream response;

    HttpOutputNode(ResponseStream response) {
        this.response = response;
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) throws NodeException {
        if (!(packet instanceof BinaryPacket binary)) {
            throw NodeException.runtime("http_output accepts only binary packets, got " + packet.getClass().getSimpleName(), null);
        }
        try {
            response.write(binary.data());
        } catch (IOException e) {
            throw NodeException.runtime("client connection closed: " + e.getMessage(), e);
        }
    }
}

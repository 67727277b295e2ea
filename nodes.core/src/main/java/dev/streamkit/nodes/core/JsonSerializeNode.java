package dev.streamkit.nodes.core;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketMetadata;
import java.nio.charset.StandardCharsets;

/**
 * {@code core::json_serialize}: turns each packet into one UTF-8 JSON document ({@link PacketJson}) sent
 * as an {@code application/json} binary packet, optionally pretty-printed and/or followed by a newline
 * (NDJSON).
 *
 * <p>NOTE: the output carries no metadata, as in StreamKit, so downstream pacing treats JSON as untimed.
 * A custom packet whose payload is not valid JSON fails the node with an invalid-media error.
 */
final class JsonSerializeNode implements Node {

    static final String CONTENT_TYPE = "application/json";

    private final boolean pretty;
    private final boolean newlineDelimited;

    JsonSerializeNode(boolean pretty, boolean newlineDelimited) {
        this.pretty = pretty;
        this.newlineDelimited = newlineDelimited;
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) {
        JsonWriter json = new JsonWriter(pretty);
        try {
            PacketJson.write(packet, json);
        } catch (IllegalArgumentException e) {
            out.fail(NodeException.invalidMedia("cannot serialize packet to JSON: " + e.getMessage()));
            return;
        }
        String document = newlineDelimited ? json.toJson() + "\n" : json.toJson();
        out.send("out", new BinaryPacket(document.getBytes(StandardCharsets.UTF_8), CONTENT_TYPE, PacketMetadata.NONE));
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }
}

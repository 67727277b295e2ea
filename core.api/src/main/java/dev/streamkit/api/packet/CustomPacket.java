package dev.streamkit.api.packet;

import java.util.Objects;

/**
 * A typed JSON payload, identified by a type id of the form {@code <namespace>/<name>@<version>}
 * (for example {@code core::telemetry/event@1}).
 *
 * @param typeId   the payload type id
 * @param jsonData the payload, serialized as a JSON document
 * @param metadata timing metadata
 */
public record CustomPacket(String typeId, String jsonData, PacketMetadata metadata) implements Packet {

    public CustomPacket {
        Objects.requireNonNull(typeId, "typeId");
        Objects.requireNonNull(jsonData, "jsonData");
        metadata = metadata == null ? PacketMetadata.NONE : metadata;
    }
}

package dev.streamkit.api.packet;

import java.util.Objects;

/**
 * Opaque bytes: container data, encoded audio (Opus packets travel as binary with pins typed
 * {@code OpusAudio}), or serialized output.
 *
 * @param data        the bytes; owned by the packet and never modified after construction
 * @param contentType MIME type if known, else {@code null}
 * @param metadata    timing metadata
 */
public record BinaryPacket(byte[] data, String contentType, PacketMetadata metadata) implements Packet {

    public BinaryPacket {
        Objects.requireNonNull(data, "data");
        metadata = metadata == null ? PacketMetadata.NONE : metadata;
    }

    /** Creates a packet without content type or metadata. */
    public static BinaryPacket of(byte[] data) {
        return new BinaryPacket(data, null, PacketMetadata.NONE);
    }
}

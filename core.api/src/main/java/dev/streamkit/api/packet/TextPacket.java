package dev.streamkit.api.packet;

import java.util.Objects;

/**
 * UTF-8 text, for example a chunk of a script for speech synthesis.
 *
 * @param text     the text, never {@code null}
 * @param metadata timing metadata
 */
public record TextPacket(String text, PacketMetadata metadata) implements Packet {

    public TextPacket {
        Objects.requireNonNull(text, "text");
        metadata = metadata == null ? PacketMetadata.NONE : metadata;
    }
}

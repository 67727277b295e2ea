package dev.streamkit.api.packet;

/**
 * An immutable value travelling from an output pin to the input pins connected to it.
 *
 * <p>Implementations: {@link AudioFrame}, {@link BinaryPacket}, {@link TextPacket},
 * {@link TranscriptionPacket}, {@link CustomPacket}. A packet may be delivered to several consumers
 * (fan-out) and must therefore never be modified after it was sent.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Packet {

    /** Timing metadata; never {@code null} (use {@link PacketMetadata#NONE}). */
    PacketMetadata metadata();
}

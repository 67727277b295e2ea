package dev.streamkit.api.packet;

/**
 * Timing metadata carried by every packet. All fields are optional ({@code null} = unknown).
 *
 * <p>Timing contract: sources and demuxers set {@code timestampUs} and {@code durationUs}; filters
 * that keep the packet's time span (gain, passthrough) preserve them; nodes that re-chunk audio
 * (resampler, encoders) rewrite them for the packets they emit.
 *
 * @param timestampUs presentation time of the first sample, in microseconds
 * @param durationUs  time span covered by the packet, in microseconds
 * @param sequence    monotonically increasing packet number within one stream
 */
public record PacketMetadata(Long timestampUs, Long durationUs, Long sequence) {

    /** Metadata with every field unknown. */
    public static final PacketMetadata NONE = new PacketMetadata(null, null, null);

    /** Returns metadata with the given timestamp and duration and no sequence number. */
    public static PacketMetadata timed(long timestampUs, long durationUs) {
        return new PacketMetadata(timestampUs, durationUs, null);
    }

    /** Returns a copy with {@code sequence} replaced. */
    public PacketMetadata withSequence(long newSequence) {
        return new PacketMetadata(timestampUs, durationUs, newSequence);
    }
}

package dev.streamkit.nodes.codecs.opusformat;

/**
 * Reads the duration of an Opus packet from its table-of-contents byte (RFC 6716 §3.1): the
 * configuration (top five bits) gives the frame size, the frame count code (low two bits) gives how
 * many frames the packet holds (code 3 reads the count from the second byte). Containers use it to
 * time packets exactly without decoding audio.
 *
 * <p>A packet is rejected ({@link #INVALID}) when it is empty, a code-3 packet lacks its count byte or
 * declares zero frames, or it would last longer than the 120 ms Opus allows.
 */
public final class OpusToc {

    /** Returned by {@link #samples} for a packet that cannot be a valid Opus packet. */
    public static final int INVALID = -1;
    /** The longest packet Opus allows, in samples at 48 kHz (120 ms). */
    public static final int MAX_PACKET_SAMPLES = 5_760;

    private static final int[] SILK_SIZES = {480, 960, 1_920, 2_880};
    private static final int[] HYBRID_SIZES = {480, 960};
    private static final int[] CELT_SIZES = {120, 240, 480, 960};

    private OpusToc() {
    }

    /** Samples per channel at 48 kHz in one frame of a packet whose first byte is {@code toc}. */
    public static int frameSamples(int toc) {
        int config = (toc & 0xFF) >>> 3;
        if (config < 12) return SILK_SIZES[config & 3];
        if (config < 16) return HYBRID_SIZES[config & 1];
        return CELT_SIZES[config & 3];
    }

    /** The packet's duration in samples per channel at 48 kHz, or {@link #INVALID}. */
    public static int samples(byte[] packet) {
        return samples(packet, 0, packet.length);
    }

    /** As {@link #samples(byte[])} for {@code length} bytes of {@code data} from {@code offset}. */
    public static int samples(byte[] data, int offset, int length) {
        if (length < 1) return INVALID;
        int toc = data[offset] & 0xFF;
        int frames = switch (toc & 3) {
            case 0 -> 1;
            case 1, 2 -> 2;
            default -> length < 2 ? 0 : data[offset + 1] & 0x3F;
        };
        if (frames == 0) return INVALID;
        int total = frames * frameSamples(toc);
        return total > MAX_PACKET_SAMPLES ? INVALID : total;
    }

    /** Converts samples at 48 kHz to microseconds, rounding down. */
    public static long samplesToMicros(long samples) {
        return samples * 1_000_000L / 48_000L;
    }
}

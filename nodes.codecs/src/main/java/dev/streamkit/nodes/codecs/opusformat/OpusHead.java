package dev.streamkit.nodes.codecs.opusformat;

import dev.streamkit.api.node.NodeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The Opus identification header (RFC 7845 §5.1), as carried in the first Ogg packet and as WebM
 * {@code CodecPrivate}. Parsing validates the fields a player relies on; {@link #forChannels} builds
 * the header StreamKit/J's muxers write (family 0 for mono and stereo, family 1 with the Vorbis
 * layout for 3 to 8 channels).
 *
 * @param version       header version, must be 1
 * @param channels      output channel count, 1..255
 * @param preSkip       samples at 48 kHz to drop from the start of the decoded stream
 * @param inputRate     the original sample rate (informational)
 * @param outputGain    Q7.8 dB gain to apply on output
 * @param mappingFamily channel mapping family (0, 1 or 255 in practice)
 * @param mapping       stream count, coupled count and channel mapping; empty for family 0
 */
public record OpusHead(int version, int channels, int preSkip, long inputRate, int outputGain, int mappingFamily,
                       byte[] mapping) {

    /** The pre-skip StreamKit/J writes: libopus' look-ahead at 48 kHz. */
    public static final int DEFAULT_PRE_SKIP = 312;

    private static final byte[] MAGIC = "OpusHead".getBytes(StandardCharsets.US_ASCII);
    private static final int FIXED_LENGTH = 19;
    /** Streams and coupled streams for 1..8 channels in mapping family 1 (libopus' Vorbis layouts). */
    private static final int[][] VORBIS_STREAMS = {{1, 0}, {1, 1}, {2, 1}, {2, 2}, {3, 2}, {4, 2}, {4, 3}, {5, 3}};
    private static final int[][] VORBIS_MAPPING = {{0}, {0, 1}, {0, 2, 1}, {0, 1, 2, 3}, {0, 4, 1, 2, 3},
            {0, 4, 1, 2, 3, 5}, {0, 4, 1, 2, 3, 5, 6}, {0, 6, 1, 2, 3, 4, 5, 7}};

    /** Whether {@code packet} starts with the {@code OpusHead} magic. */
    public static boolean isOpusHead(byte[] packet) {
        return startsWith(packet, MAGIC);
    }

    /** Whether {@code packet} starts with {@code magic}. */
    public static boolean startsWith(byte[] packet, byte[] magic) {
        return packet.length >= magic.length && Arrays.equals(packet, 0, magic.length, magic, 0, magic.length);
    }

    /** The header for a stream of {@code channels} (1..8) encoded with the default pre-skip. */
    public static OpusHead forChannels(int channels, long inputRate) {
        if (channels < 1 || channels > 8) throw new IllegalArgumentException("channels must be 1..8: " + channels);
        if (channels <= 2) return new OpusHead(1, channels, DEFAULT_PRE_SKIP, inputRate, 0, 0, new byte[0]);
        byte[] mapping = new byte[2 + channels];
        mapping[0] = (byte) VORBIS_STREAMS[channels - 1][0];
        mapping[1] = (byte) VORBIS_STREAMS[channels - 1][1];
        for (int c = 0; c < channels; c++) mapping[2 + c] = (byte) VORBIS_MAPPING[channels - 1][c];
        return new OpusHead(1, channels, DEFAULT_PRE_SKIP, inputRate, 0, 1, mapping);
    }

    /** Parses and validates an identification header packet. */
    public static OpusHead parse(byte[] packet) throws NodeException {
        if (!isOpusHead(packet)) throw NodeException.invalidMedia("not an OpusHead packet");
        if (packet.length < FIXED_LENGTH) throw NodeException.invalidMedia("OpusHead too short: " + packet.length + " bytes");
        ByteBuffer b = ByteBuffer.wrap(packet).order(ByteOrder.LITTLE_ENDIAN);
        int version = b.get(8) & 0xFF;
        int channels = b.get(9) & 0xFF;
        int preSkip = b.getShort(10) & 0xFFFF;
        long inputRate = b.getInt(12) & 0xFFFFFFFFL;
        int gain = b.getShort(16);
        int family = b.get(18) & 0xFF;
        if (version != 1) throw NodeException.invalidMedia("unsupported OpusHead version " + version);
        if (channels == 0) throw NodeException.invalidMedia("OpusHead declares 0 channels");
        if (family == 0 && channels > 2) {
            throw NodeException.invalidMedia("OpusHead mapping family 0 allows 1 or 2 channels, got " + channels);
        }
        byte[] mapping = new byte[0];
        if (family != 0) {
            if (packet.length < FIXED_LENGTH + 2 + channels) {
                throw NodeException.invalidMedia("OpusHead channel mapping table truncated");
            }
            mapping = Arrays.copyOfRange(packet, FIXED_LENGTH, FIXED_LENGTH + 2 + channels);
            if ((mapping[0] & 0xFF) == 0 || (mapping[1] & 0xFF) > (mapping[0] & 0xFF)) {
                throw NodeException.invalidMedia("OpusHead stream counts invalid");
            }
        }
        return new OpusHead(version, channels, preSkip, inputRate, gain, family, mapping);
    }

    /** The header as bytes. */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(FIXED_LENGTH + mapping.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) version).put((byte) channels).putShort((short) preSkip).putInt((int) inputRate)
                .putShort((short) outputGain).put((byte) mappingFamily).put(mapping);
        return b.array();
    }
}

package dev.streamkit.nodes.codecs.wav;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes the RIFF/WAVE header that precedes the samples: {@code RIFF} and {@code fmt } chunks and the
 * {@code data} chunk header. PCM uses the classic 16-byte {@code fmt } (44-byte header); float uses the
 * 18-byte form with {@code cbSize = 0} (46-byte header).
 *
 * <p>For a live stream the length is not known when the header goes out: {@link #UNKNOWN_LENGTH} writes
 * 0xFFFFFFFF as both the RIFF and the data size, which players and our demuxer read as "until the end".
 */
final class WavHeader {

    /** Pass as the data length when it is not known yet. */
    static final long UNKNOWN_LENGTH = 0xFFFFFFFFL;

    private WavHeader() {
    }

    /** The header for {@code dataBytes} bytes of samples in {@code format}, or for a stream of unknown length. */
    static byte[] of(WavFormat format, long dataBytes) {
        PcmEncoding encoding = format.encoding();
        boolean extended = encoding.formatTag() == WavFormat.TAG_IEEE_FLOAT;
        int fmtSize = extended ? 18 : 16;
        int headerSize = 12 + 8 + fmtSize + 8;
        long riffSize = dataBytes == UNKNOWN_LENGTH ? UNKNOWN_LENGTH
                : Math.min(UNKNOWN_LENGTH, headerSize - 8 + dataBytes + (dataBytes & 1));
        ByteBuffer b = ByteBuffer.allocate(headerSize).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt((int) riffSize).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(fmtSize)
                .putShort((short) encoding.formatTag())
                .putShort((short) format.channels())
                .putInt(format.sampleRate())
                .putInt(format.sampleRate() * format.blockAlign())
                .putShort((short) format.blockAlign())
                .putShort((short) encoding.bitsPerSample());
        if (extended) b.putShort((short) 0);
        b.put(ascii("data")).putInt((int) Math.min(dataBytes, UNKNOWN_LENGTH));
        return b.array();
    }

    private static byte[] ascii(String id) {
        return id.getBytes(StandardCharsets.US_ASCII);
    }
}

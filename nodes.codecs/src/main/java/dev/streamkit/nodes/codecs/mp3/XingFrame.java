package dev.streamkit.nodes.codecs.mp3;

import java.nio.charset.StandardCharsets;

/**
 * The Xing/Info frame an encoder writes as the first MPEG audio layer III frame: metadata, not audio. Its
 * optional LAME extension (encoder string {@code LAME}, {@code Lavf} or {@code Lavc}, as FFmpeg's mp3 demuxer
 * accepts) carries the encoder delay and padding for gapless playback.
 *
 * @param frames          audio frames after this one, or 0 when not given
 * @param samplesPerFrame 1152 (MPEG-1) or 576 (MPEG-2/2.5)
 * @param encoderDelay    samples the encoder added at the start (before the decoder's own delay)
 * @param padding         samples the encoder added at the end
 * @param gapless         whether a LAME tag gave delay and padding
 */
record XingFrame(long frames, int samplesPerFrame, int encoderDelay, int padding, boolean gapless) {

    /** Bytes of an MPEG audio frame header. */
    static final int HEADER = 4;
    /** The largest layer III frame: 320 kbit/s at 32 kHz (MPEG-1) or 160 kbit/s at 8 kHz (MPEG-2.5), padded. */
    static final int MAX_FRAME = 1_441;

    private static final int FLAG_FRAMES = 1;
    private static final int FLAG_BYTES = 2;
    private static final int FLAG_TOC = 4;
    private static final int FLAG_QUALITY = 8;
    private static final int TOC = 100;
    private static final int LAME_DELAY_OFFSET = 21;
    private static final String[] ENCODERS = {"LAME", "Lavf", "Lavc"};
    private static final int[] MPEG1_KBPS = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] MPEG2_KBPS = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[] MPEG1_RATES = {44_100, 48_000, 32_000};

    /** Length in bytes of the layer III frame starting with this 4-byte header, or -1 (not layer III, free format). */
    static int frameLength(byte[] h) {
        if ((h[0] & 0xFF) != 0xFF || (h[1] & 0xE0) != 0xE0 || layer(h) != 1) return -1;
        int version = version(h);
        int bitrateIndex = (h[2] >> 4) & 0xF;
        int rateIndex = (h[2] >> 2) & 3;
        if (version == 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) return -1;
        int rate = MPEG1_RATES[rateIndex] >> (version == 3 ? 0 : version == 2 ? 1 : 2);
        int kbps = (version == 3 ? MPEG1_KBPS : MPEG2_KBPS)[bitrateIndex];
        return (version == 3 ? 144 : 72) * kbps * 1000 / rate + ((h[2] >> 1) & 1);
    }

    /**
     * Reads {@code frame[0, length)}, a whole layer III frame ({@link #frameLength} of its header): the Xing
     * or Info frame it is, or {@code null} when it is an audio frame.
     */
    static XingFrame parse(byte[] frame, int length) {
        boolean mpeg1 = version(frame) == 3;
        boolean mono = ((frame[3] >> 6) & 3) == 3;
        int sideInfo = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        boolean crc = (frame[1] & 1) == 0;
        // LAME writes the tag after the CRC; FFmpeg's demuxer looks without it: accept both.
        int at = HEADER + sideInfo + (crc ? 2 : 0);
        if (!isMarker(frame, length, at) && !(crc && isMarker(frame, length, at -= 2))) return null;
        int spf = mpeg1 ? 1152 : 576;
        int flags = at + 8 <= length ? (int) bigEndian(frame, at + 4, 4) : 0;
        at += 8;
        long frames = (flags & FLAG_FRAMES) != 0 && at + 4 <= length ? bigEndian(frame, at, 4) : 0;
        int lame = at + ((flags & FLAG_FRAMES) != 0 ? 4 : 0) + ((flags & FLAG_BYTES) != 0 ? 4 : 0)
                + ((flags & FLAG_TOC) != 0 ? TOC : 0) + ((flags & FLAG_QUALITY) != 0 ? 4 : 0);
        if (lame + LAME_DELAY_OFFSET + 3 > length || !isEncoder(frame, lame)) return new XingFrame(frames, spf, 0, 0, false);
        int delays = (int) bigEndian(frame, lame + LAME_DELAY_OFFSET, 3);
        return new XingFrame(frames, spf, delays >>> 12, delays & 0xFFF, true);
    }

    /** Bits 20-19 of the header: 3 MPEG-1, 2 MPEG-2, 0 MPEG-2.5, 1 reserved. */
    private static int version(byte[] h) {
        return (h[1] >> 3) & 3;
    }

    /** Bits 18-17: 1 is layer III. */
    private static int layer(byte[] h) {
        return (h[1] >> 1) & 3;
    }

    private static boolean isMarker(byte[] frame, int length, int at) {
        return at + 4 <= length && (ascii(frame, at).equals("Xing") || ascii(frame, at).equals("Info"));
    }

    private static boolean isEncoder(byte[] frame, int at) {
        String name = ascii(frame, at);
        for (String encoder : ENCODERS) {
            if (encoder.equals(name)) return true;
        }
        return false;
    }

    private static String ascii(byte[] data, int at) {
        return new String(data, at, 4, StandardCharsets.ISO_8859_1);
    }

    /** The unsigned big-endian integer of {@code bytes} (at most 4) bytes at {@code at}. */
    private static long bigEndian(byte[] data, int at, int bytes) {
        long value = 0;
        for (int i = 0; i < bytes; i++) value = (value << 8) | (data[at + i] & 0xFF);
        return value;
    }
}

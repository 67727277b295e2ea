package dev.streamkit.nodes.codecs.wav;

import dev.streamkit.api.node.NodeException;

/**
 * The audio format a WAV file declares in its {@code fmt } chunk, reduced to what decoding needs:
 * sample encoding, rate and channel count. {@link #parse} accepts PCM integer (tag 1), IEEE float
 * (tag 3) and {@code WAVE_FORMAT_EXTENSIBLE} (0xFFFE) with either sub-format, and rejects anything else
 * with a message saying what is wrong.
 */
record WavFormat(PcmEncoding encoding, int sampleRate, int channels) {

    static final int TAG_PCM = 1;
    static final int TAG_IEEE_FLOAT = 3;
    static final int TAG_EXTENSIBLE = 0xFFFE;
    static final int MAX_CHANNELS = 32;
    static final int MAX_SAMPLE_RATE = 768_000;
    /** Bytes 2..15 of the sub-format GUID shared by KSDATAFORMAT_SUBTYPE_PCM and _IEEE_FLOAT. */
    private static final byte[] GUID_TAIL = {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38,
            (byte) 0x9B, 0x71};

    /** Bytes per sample frame (all channels), the WAV {@code nBlockAlign}. */
    int blockAlign() {
        return channels * encoding.bytesPerSample();
    }

    /** Parses and validates a complete {@code fmt } chunk body. */
    static WavFormat parse(byte[] fmt) throws NodeException {
        if (fmt.length < 16) throw invalid("fmt chunk is " + fmt.length + " bytes, need at least 16");
        int tag = u16(fmt, 0);
        int channels = u16(fmt, 2);
        long sampleRate = u32(fmt, 4);
        int blockAlign = u16(fmt, 12);
        int bits = u16(fmt, 14);
        if (tag == TAG_EXTENSIBLE) tag = subFormat(fmt);
        if (tag != TAG_PCM && tag != TAG_IEEE_FLOAT) {
            throw invalid("unsupported WAV format tag 0x" + Integer.toHexString(tag) + " (only PCM and IEEE float)");
        }
        if (channels == 0 || channels > MAX_CHANNELS) {
            throw invalid("unsupported channel count " + channels + " (1.." + MAX_CHANNELS + ")");
        }
        if (sampleRate == 0 || sampleRate > MAX_SAMPLE_RATE) {
            throw invalid("unsupported sample rate " + sampleRate + " Hz (1.." + MAX_SAMPLE_RATE + ")");
        }
        PcmEncoding encoding = PcmEncoding.of(tag, bits);
        if (encoding == null) {
            throw invalid("unsupported " + bits + "-bit " + (tag == TAG_PCM ? "PCM" : "float")
                    + " samples (PCM 16/24/32, float 32/64)");
        }
        WavFormat format = new WavFormat(encoding, (int) sampleRate, channels);
        if (blockAlign != format.blockAlign()) {
            throw invalid("block align " + blockAlign + " does not match " + channels + " x " + bits + "-bit samples");
        }
        return format;
    }

    private static int subFormat(byte[] fmt) throws NodeException {
        if (fmt.length < 40) throw invalid("extensible fmt chunk is " + fmt.length + " bytes, need 40");
        for (int i = 0; i < GUID_TAIL.length; i++) {
            if (fmt[26 + i] != GUID_TAIL[i]) throw invalid("unsupported WAVE_FORMAT_EXTENSIBLE sub-format");
        }
        return u16(fmt, 24);
    }

    private static NodeException invalid(String message) {
        return NodeException.invalidMedia("invalid WAV: " + message);
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16);
    }
}

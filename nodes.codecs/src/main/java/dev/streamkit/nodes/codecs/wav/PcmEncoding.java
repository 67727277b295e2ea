package dev.streamkit.nodes.codecs.wav;

/**
 * The sample encodings a WAV {@code data} chunk may hold, little-endian, and their conversion to and
 * from the engine's float samples in [-1, 1].
 *
 * <p>Integers are scaled by 2^(bits-1) in both directions, so decoding then encoding an integer sample
 * returns it unchanged; encoding rounds to nearest (no dither) and clips. Decoding a float sample that
 * is NaN or infinite yields silence (and such samples are written as silence), so corrupt data never
 * carries non-finite values across.
 */
enum PcmEncoding {

    INT16(WavFormat.TAG_PCM, 16) {
        @Override
        float decode(byte[] b, int at) {
            return (short) ((b[at] & 0xff) | (b[at + 1] << 8)) / 32768f;
        }

        @Override
        void encode(float sample, byte[] b, int at) {
            int v = (int) quantize(sample, 32768.0);
            b[at] = (byte) v;
            b[at + 1] = (byte) (v >> 8);
        }
    },
    INT24(WavFormat.TAG_PCM, 24) {
        @Override
        float decode(byte[] b, int at) {
            return ((b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | b[at + 2] << 16) / 8388608f;
        }

        @Override
        void encode(float sample, byte[] b, int at) {
            int v = (int) quantize(sample, 8388608.0);
            b[at] = (byte) v;
            b[at + 1] = (byte) (v >> 8);
            b[at + 2] = (byte) (v >> 16);
        }
    },
    INT32(WavFormat.TAG_PCM, 32) {
        @Override
        float decode(byte[] b, int at) {
            return (float) (readInt(b, at) / 2147483648.0);
        }

        @Override
        void encode(float sample, byte[] b, int at) {
            writeInt((int) quantize(sample, 2147483648.0), b, at);
        }
    },
    FLOAT32(WavFormat.TAG_IEEE_FLOAT, 32) {
        @Override
        float decode(byte[] b, int at) {
            return finite(Float.intBitsToFloat(readInt(b, at)));
        }

        @Override
        void encode(float sample, byte[] b, int at) {
            writeInt(Float.floatToIntBits(finite(sample)), b, at);
        }
    },
    FLOAT64(WavFormat.TAG_IEEE_FLOAT, 64) {
        @Override
        float decode(byte[] b, int at) {
            long bits = (readInt(b, at) & 0xffffffffL) | (long) readInt(b, at + 4) << 32;
            return finite((float) Double.longBitsToDouble(bits));
        }

        @Override
        void encode(float sample, byte[] b, int at) {
            long bits = Double.doubleToLongBits(finite(sample));
            writeInt((int) bits, b, at);
            writeInt((int) (bits >>> 32), b, at + 4);
        }
    };

    private final int formatTag;
    private final int bitsPerSample;

    PcmEncoding(int formatTag, int bitsPerSample) {
        this.formatTag = formatTag;
        this.bitsPerSample = bitsPerSample;
    }

    /** The encoding for a WAV format tag ({@code 1} PCM or {@code 3} float) and sample width, or {@code null}. */
    static PcmEncoding of(int formatTag, int bitsPerSample) {
        for (PcmEncoding e : values()) {
            if (e.formatTag == formatTag && e.bitsPerSample == bitsPerSample) return e;
        }
        return null;
    }

    /** Reads one sample at {@code b[at]}. */
    abstract float decode(byte[] b, int at);

    /** Writes {@code sample} at {@code b[at]}. */
    abstract void encode(float sample, byte[] b, int at);

    /** {@link WavFormat#TAG_PCM} or {@link WavFormat#TAG_IEEE_FLOAT}. */
    int formatTag() {
        return formatTag;
    }

    int bitsPerSample() {
        return bitsPerSample;
    }

    int bytesPerSample() {
        return bitsPerSample / 8;
    }

    /** Rounds {@code sample * scale} to the nearest integer in [-scale, scale - 1]; NaN becomes 0. */
    private static long quantize(float sample, double scale) {
        double v = Math.rint(sample * scale);
        return (long) Math.max(-scale, Math.min(scale - 1, v));
    }

    private static float finite(float v) {
        return Float.isFinite(v) ? v : 0f;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | b[at + 3] << 24;
    }

    private static void writeInt(int v, byte[] b, int at) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
        b[at + 2] = (byte) (v >> 16);
        b[at + 3] = (byte) (v >> 24);
    }
}

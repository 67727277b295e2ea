package dev.streamkit.nodes.codecs.wav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PcmEncodingTest {

    @Test
    void int16DecodeEncodeIsLosslessForEveryValue() {
        byte[] in = new byte[2];
        byte[] out = new byte[2];
        for (int v = Short.MIN_VALUE; v <= Short.MAX_VALUE; v++) {
            in[0] = (byte) v;
            in[1] = (byte) (v >> 8);
            PcmEncoding.INT16.encode(PcmEncoding.INT16.decode(in, 0), out, 0);
            assertEquals(in[0], out[0]);
            assertEquals(in[1], out[1]);
        }
    }

    @ParameterizedTest
    @EnumSource(PcmEncoding.class)
    void encodesFullScaleAndSilenceSymmetrically(PcmEncoding encoding) {
        byte[] b = new byte[encoding.bytesPerSample()];
        for (float v : new float[] {0f, 0.5f, -0.5f, -1f}) {
            encoding.encode(v, b, 0);
            assertEquals(v, encoding.decode(b, 0), 1e-6f);
        }
        encoding.encode(Float.NaN, b, 0);
        assertEquals(0f, encoding.decode(b, 0));
    }

    @Test
    void looksUpByTagAndWidth() {
        assertEquals(PcmEncoding.INT24, PcmEncoding.of(1, 24));
        assertEquals(PcmEncoding.FLOAT64, PcmEncoding.of(3, 64));
        assertNull(PcmEncoding.of(1, 8));
        assertNull(PcmEncoding.of(3, 16));
    }
}

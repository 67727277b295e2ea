package dev.streamkit.nodes.codecs.mp3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link XingFrame} on hand-made frames and {@link GaplessTrim} on hand-made samples. */
class XingFrameTest {

    /** MPEG-1 layer III, 128 kbit/s, 44.1 kHz, stereo; {@code crc}: protection bit clear. */
    private static byte[] frame(boolean crc, String marker, String encoder) {
        byte[] f = new byte[417];
        f[0] = (byte) 0xFF;
        f[1] = (byte) (crc ? 0xFA : 0xFB);
        f[2] = (byte) 0x90;
        int at = 4 + 32 + (crc ? 2 : 0);
        put(f, at, marker);
        f[at + 7] = 0x01; // flags: frame count only
        f[at + 11] = 100; // 100 frames
        put(f, at + 12, encoder);
        f[at + 12 + 21] = 0x24; // delay 576 = 0x240, padding 936 = 0x3A8
        f[at + 12 + 22] = 0x03;
        f[at + 12 + 23] = (byte) 0xA8;
        return f;
    }

    private static void put(byte[] f, int at, String ascii) {
        byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, f, at, b.length);
    }

    @Test
    void readsTheLameTagAfterTheCrcOrWithout() {
        for (boolean crc : new boolean[] {false, true}) {
            byte[] f = frame(crc, "Info", "LAME3.100");
            assertEquals(f.length, XingFrame.frameLength(f));
            assertEquals(new XingFrame(100, 1152, 576, 936, true), XingFrame.parse(f, f.length));
        }
    }

    @Test
    void otherEncodersGiveNoTrimAndAudioFramesAreNotTags() {
        byte[] f = frame(false, "Xing", "Fhg");
        assertEquals(new XingFrame(100, 1152, 0, 0, false), XingFrame.parse(f, f.length));
        assertNull(XingFrame.parse(frame(false, "\0\0\0\0", "LAME"), 417));
        assertEquals(-1, XingFrame.frameLength(new byte[] {'I', 'D', '3', 4}));
    }

    @Test
    void trimsDelayAndPaddingWhateverTheChunking() {
        // 100 frames of 1152: keep [576 + 529, 115200 - 936 + 529), then audio past the counted frames.
        float[] all = new float[2 * 116_000];
        for (int i = 0; i < all.length; i++) all[i] = i;
        float[] expected = concat(Arrays.copyOfRange(all, 2 * 1105, 2 * 114_793), Arrays.copyOfRange(all, 2 * 115_200, all.length));
        for (int chunk : new int[] {1, 1152, 1000, 116_000}) {
            GaplessTrim trim = new GaplessTrim(new XingFrame(100, 1152, 576, 936, true));
            float[] kept = new float[all.length];
            int length = 0;
            for (int at = 0; at < all.length; at += 2 * chunk) {
                float[] part = trim.apply(Arrays.copyOfRange(all, at, Math.min(all.length, at + 2 * chunk)), 2);
                System.arraycopy(part, 0, kept, length, part.length);
                length += part.length;
            }
            assertArrayEquals(expected, Arrays.copyOf(kept, length), "chunk " + chunk);
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}

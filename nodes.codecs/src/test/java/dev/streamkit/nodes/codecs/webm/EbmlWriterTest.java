package dev.streamkit.nodes.codecs.webm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EbmlWriterTest {

    @Test
    void writesUnsignedIntegersInFewestBytes() {
        assertArrayEquals(new byte[] {(byte) 0xD7, (byte) 0x81, 1}, new EbmlWriter().uint(0xD7, 1).toByteArray());
        assertArrayEquals(new byte[] {(byte) 0xD7, (byte) 0x81, 0}, new EbmlWriter().uint(0xD7, 0).toByteArray());
        assertArrayEquals(new byte[] {0x2A, (byte) 0xD7, (byte) 0xB1, (byte) 0x83, 0x0F, 0x42, 0x40},
                new EbmlWriter().uint(WebmIds.TIMECODE_SCALE, 1_000_000).toByteArray());
    }

    @Test
    void usesLongerSizeWhenShortFormWouldBeAllOnes() {
        byte[] data = new byte[127];
        byte[] out = new EbmlWriter().bytes(0xA3, data).toByteArray();
        assertEquals(0x40, out[1] & 0xFF);
        assertEquals(127, out[2] & 0xFF);
        assertEquals(3 + 127, out.length);
    }

    @Test
    void writesUnknownSizeAsEightByteAllOnes() {
        assertArrayEquals(new byte[] {0x18, 0x53, (byte) 0x80, 0x67, 1, -1, -1, -1, -1, -1, -1, -1},
                new EbmlWriter().openUnknownSize(WebmIds.SEGMENT).toByteArray());
    }

    @Test
    void nestsMastersAndWritesFloatsAndStrings() {
        EbmlWriter audio = new EbmlWriter().float64(WebmIds.SAMPLING_FREQUENCY, 48_000.0);
        byte[] out = new EbmlWriter().master(WebmIds.AUDIO, audio).string(WebmIds.CODEC_ID, "A_OPUS").toByteArray();
        assertArrayEquals(new byte[] {(byte) 0xE1, (byte) 0x8A, (byte) 0xB5, (byte) 0x88, 0x40, (byte) 0xE7, 0x70, 0, 0, 0,
                0, 0, (byte) 0x86, (byte) 0x86, 'A', '_', 'O', 'P', 'U', 'S'}, out);
    }
}

package dev.streamkit.nodes.codecs.flac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeException;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class FlacStreamHeaderTest {

    private static byte[] streamInfo(int rate, int channels, int bits) {
        byte[] info = new byte[34];
        info[0] = 0x10; info[1] = 0x00; info[2] = 0x10; info[3] = 0x00; // block size 4096
        info[10] = (byte) (rate >>> 12);
        info[11] = (byte) (rate >>> 4);
        info[12] = (byte) (((rate & 0xF) << 4) | ((channels - 1) << 1) | ((bits - 1) >>> 4));
        info[13] = (byte) (((bits - 1) & 0xF) << 4);
        return info;
    }

    private static byte[] header(byte[] info, boolean last, byte[]... moreBlocks) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("fLaC".getBytes());
        b.write(last && moreBlocks.length == 0 ? 0x80 : 0x00);
        b.write(0); b.write(0); b.write(34);
        b.writeBytes(info);
        for (int i = 0; i < moreBlocks.length; i++) {
            b.write((i == moreBlocks.length - 1 ? 0x80 : 0) | 1);
            int n = moreBlocks[i].length;
            b.write(n >>> 16); b.write(n >>> 8); b.write(n);
            b.writeBytes(moreBlocks[i]);
        }
        return b.toByteArray();
    }

    @Test
    void keepsStreamInfoSkipsOtherBlocksAndPassesFramesOnByteByByte() throws Exception {
        byte[] info = streamInfo(44_100, 2, 16);
        byte[] stream = header(info, true, new byte[1000], new byte[3]);
        byte[] withFrames = java.util.Arrays.copyOf(stream, stream.length + 3);
        withFrames[stream.length] = (byte) 0xFF;
        FlacStreamHeader header = new FlacStreamHeader();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (byte b : withFrames) header.feed(new byte[] {b}, 0, 1, (d, o, l) -> payload.write(d, o, l));
        header.end((d, o, l) -> payload.write(d, o, l));
        assertArrayEquals(info, header.extradata());
        assertArrayEquals(new byte[] {(byte) 0xFF, 0, 0}, payload.toByteArray());
    }

    @Test
    void rejectsAbsurdFieldsBeforeAllocatingAnything() {
        assertInvalid(header(streamInfo(0, 2, 16), true), "sample rate 0");
        assertInvalid(header(streamInfo(44_100, 2, 2), true), "bits per sample");
        assertInvalid("RIFF....WAVE".getBytes(), "no fLaC marker");
        byte[] hugeFirstBlock = {'f', 'L', 'a', 'C', 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertInvalid(hugeFirstBlock, "STREAMINFO");
    }

    @Test
    void truncatedHeaderIsInvalidMedia() throws Exception {
        FlacStreamHeader header = new FlacStreamHeader();
        header.feed("fLaC\0\0".getBytes(), 0, 6, (d, o, l) -> { });
        NodeException e = assertThrows(NodeException.class, () -> header.end((d, o, l) -> { }));
        assertTrue(e.getMessage().contains("ended inside its header"));
    }

    private static void assertInvalid(byte[] stream, String messagePart) {
        NodeException e = assertThrows(NodeException.class, () -> new FlacStreamHeader().feed(stream, 0, stream.length, (d, o, l) -> { }));
        assertEquals(NodeException.Cause.INVALID_MEDIA, e.failureCause());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }
}

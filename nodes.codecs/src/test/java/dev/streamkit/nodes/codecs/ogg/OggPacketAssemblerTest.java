package dev.streamkit.nodes.codecs.ogg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OggPacketAssemblerTest {

    private static OggPage page(int flags, byte[] lacing, int bodyLength) {
        byte[] body = new byte[bodyLength];
        for (int i = 0; i < bodyLength; i++) body[i] = (byte) i;
        return new OggPage(flags, 0, 1, 0, lacing, body);
    }

    @Test
    void joinsPacketContinuedOnNextPage() {
        OggPacketAssembler assembler = new OggPacketAssembler();
        assertEquals(0, assembler.accept(page(0, new byte[] {(byte) 255}, 255), false).size());
        List<byte[]> packets = assembler.accept(page(OggPage.CONTINUED, new byte[] {10, 3}, 13), false);
        assertEquals(2, packets.size());
        assertEquals(265, packets.get(0).length);
        assertEquals(3, packets.get(1).length);
    }

    @Test
    void zeroLacingValueEndsPacketOfExactMultipleOf255() {
        List<byte[]> packets = new OggPacketAssembler().accept(page(0, new byte[] {(byte) 255, 0, 1}, 256), false);
        assertEquals(List.of(255, 1), packets.stream().map(p -> p.length).toList());
        assertArrayEquals(new byte[] {(byte) 255}, packets.get(1));
    }

    @Test
    void dropsOrphanContinuationAndPartialCutByGap() {
        OggPacketAssembler assembler = new OggPacketAssembler();
        assertEquals(List.of(4), assembler.accept(page(OggPage.CONTINUED, new byte[] {5, 4}, 9), false)
                .stream().map(p -> p.length).toList());
        assembler.accept(page(0, new byte[] {(byte) 255}, 255), false);
        assertEquals(0, assembler.accept(page(OggPage.CONTINUED, new byte[] {7}, 7), true).size());
        assertEquals(2, assembler.droppedPackets());
    }

    @Test
    void skipsPacketsLargerThanTheCap() {
        OggPacketAssembler assembler = new OggPacketAssembler();
        byte[] full = new byte[255];
        java.util.Arrays.fill(full, (byte) 255);
        int pages = OggPacketAssembler.MAX_PACKET_BYTES / (255 * 255) + 2;
        for (int i = 0; i < pages; i++) {
            assertEquals(0, assembler.accept(page(i == 0 ? 0 : OggPage.CONTINUED, full, 255 * 255), false).size());
        }
        assertEquals(1, assembler.accept(page(OggPage.CONTINUED, new byte[] {1, 2}, 3), false).size());
        assertEquals(1, assembler.droppedPackets());
    }
}

package dev.streamkit.nodes.codecs.ogg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamkit.api.node.NodeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OggPageReaderTest {

    private static final byte[] A = TestOggStreams.pageOf(OggPage.BOS, 0, 7, 0, new byte[] {1, 2, 3});
    private static final byte[] B = TestOggStreams.pageOf(0, 960, 7, 1, new byte[300]);

    private static List<OggPage> read(OggPageReader reader, byte[] bytes, int piece) throws NodeException {
        List<OggPage> pages = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += piece) {
            reader.feed(bytes, i, Math.min(piece, bytes.length - i), pages::add);
        }
        reader.end(pages::add);
        return pages;
    }

    @Test
    void readsHeaderFieldsAndBodyFromOneByteChunks() throws Exception {
        List<OggPage> pages = read(new OggPageReader(), TestOggStreams.concat(A, B), 1);
        assertEquals(2, pages.size());
        assertEquals(OggPage.BOS, pages.get(0).flags());
        assertArrayEquals(new byte[] {1, 2, 3}, pages.get(0).body());
        assertEquals(960, pages.get(1).granule());
        assertEquals(7, pages.get(1).serial());
        assertEquals(1, pages.get(1).sequence());
        assertArrayEquals(new byte[] {(byte) 255, 45}, pages.get(1).lacing());
    }

    @Test
    void resynchronisesAfterGarbageAndPartialCapturePatterns() throws Exception {
        byte[] garbage = "xxOgOggOggSzzOg".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        OggPageReader reader = new OggPageReader();
        assertEquals(2, read(reader, TestOggStreams.concat(garbage, A, garbage, B), 3).size());
        assertEquals(0, reader.corruptPages());
    }

    @Test
    void rejectsNonOggInputAfterSyncWindow() {
        byte[] zeros = new byte[OggPageReader.SYNC_WINDOW + 1];
        NodeException e = assertThrows(NodeException.class, () -> new OggPageReader().feed(zeros, 0, zeros.length, p -> { }));
        assertEquals(NodeException.Cause.INVALID_MEDIA, e.failureCause());
    }

    @Test
    void acceptsLargestPossiblePage() throws Exception {
        byte[] lacing = new byte[255];
        Arrays.fill(lacing, (byte) 255);
        byte[] max = TestOggStreams.page(0, -1, 1, 0, lacing, new byte[255 * 255]);
        assertEquals(OggPage.MAX_PAGE_SIZE, max.length);
        List<OggPage> pages = read(new OggPageReader(), TestOggStreams.concat(max, A), 10_000);
        assertEquals(2, pages.size());
        assertEquals(-1L, pages.get(0).granule());
    }

    @Test
    void countsCorruptPageAndIgnoresNonZeroVersion() throws Exception {
        byte[] corrupt = A.clone();
        corrupt[A.length - 1] ^= 1;
        byte[] version1 = B.clone();
        version1[4] = 1;
        OggPageReader reader = new OggPageReader();
        List<OggPage> pages = read(reader, TestOggStreams.concat(corrupt, version1, B), 64);
        assertEquals(1, pages.size());
        assertEquals(1, reader.corruptPages());
    }
}

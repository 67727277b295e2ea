package dev.streamkit.nodes.codecs.ogg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OggPageWriterTest {

    private static List<OggPage> parse(List<byte[]> written) throws Exception {
        List<OggPage> pages = new ArrayList<>();
        OggPageReader reader = new OggPageReader();
        for (byte[] w : written) reader.feed(w, 0, w.length, pages::add);
        assertEquals(0, reader.corruptPages());
        return pages;
    }

    @Test
    void lacesExactMultipleOf255WithTerminatingZero() throws Exception {
        List<byte[]> written = new ArrayList<>();
        OggPageWriter writer = new OggPageWriter(3, written::add);
        writer.write(new byte[510], 10);
        writer.flush(true);
        OggPage page = parse(written).get(0);
        assertArrayEquals(new byte[] {(byte) 255, (byte) 255, 0}, page.lacing());
        assertEquals(OggPage.BOS | OggPage.EOS, page.flags());
        assertEquals(10, page.granule());
    }

    @Test
    void continuesPacketThatOverflowsSegmentTable() throws Exception {
        List<byte[]> written = new ArrayList<>();
        OggPageWriter writer = new OggPageWriter(3, written::add);
        writer.write(new byte[10], 1);
        writer.write(new byte[255 * 300], 2);
        writer.flush(false);
        List<OggPage> pages = parse(written);
        assertEquals(2, pages.size());
        assertEquals(255, pages.get(0).lacing().length);
        assertEquals(1, pages.get(0).granule());
        assertEquals(OggPage.CONTINUED, pages.get(1).flags());
        assertEquals(2, pages.get(1).granule());
        assertEquals(1, pages.get(1).sequence());
    }

    @Test
    void writesNothingForEmptyNonFinalFlush() {
        List<byte[]> written = new ArrayList<>();
        new OggPageWriter(3, written::add).flush(false);
        assertEquals(0, written.size());
    }
}

package dev.streamkit.nodes.codecs.ogg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OggCrcTest {

    @Test
    void matchesUnreflectedCrc32WithZeroInitAndNoFinalXor() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x89A1897F, OggCrc.update(0, check, 0, check.length));
    }

    @Test
    void pageChecksumIgnoresTheStoredChecksumField() {
        byte[] page = TestOggStreams.pageOf(OggPage.BOS, 0, 1, 0, new byte[] {1, 2, 3});
        int stored = OggCrc.ofPage(page, 0, page.length);
        page[23] ^= 0x55;
        assertEquals(stored, OggCrc.ofPage(page, 0, page.length));
    }
}

package dev.streamkit.nodes.codecs.opusformat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeException;
import org.junit.jupiter.api.Test;

class OpusHeadTest {

    static byte[] head(int version, int channels, int family) {
        byte[] b = OpusHead.forChannels(1, 48_000).toBytes();
        b[8] = (byte) version;
        b[9] = (byte) channels;
        b[18] = (byte) family;
        return b;
    }

    private static void assertInvalid(byte[] packet, String messagePart) {
        NodeException e = assertThrows(NodeException.class, () -> OpusHead.parse(packet));
        assertEquals(NodeException.Cause.INVALID_MEDIA, e.failureCause());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void writesRfc7845LayoutForStereo() throws Exception {
        byte[] b = OpusHead.forChannels(2, 48_000).toBytes();
        assertArrayEquals(new byte[] {'O', 'p', 'u', 's', 'H', 'e', 'a', 'd', 1, 2, 0x38, 0x01, (byte) 0x80, (byte) 0xBB,
                0, 0, 0, 0, 0}, b);
        OpusHead parsed = OpusHead.parse(b);
        assertEquals(2, parsed.channels());
        assertEquals(312, parsed.preSkip());
        assertEquals(48_000, parsed.inputRate());
    }

    @Test
    void surroundUsesFamilyOneWithVorbisLayout() throws Exception {
        OpusHead six = OpusHead.parse(OpusHead.forChannels(6, 48_000).toBytes());
        assertEquals(1, six.mappingFamily());
        assertArrayEquals(new byte[] {4, 2, 0, 4, 1, 2, 3, 5}, six.mapping());
    }

    @Test
    void rejectsVersionTwo() {
        assertInvalid(head(2, 1, 0), "version 2");
    }

    @Test
    void rejectsZeroChannels() {
        assertInvalid(head(1, 0, 0), "0 channels");
    }

    @Test
    void rejects255ChannelsWithFamilyZero() {
        assertInvalid(head(1, 255, 0), "family 0");
    }

    @Test
    void rejectsTruncatedHeaderAndMappingTable() {
        assertInvalid(java.util.Arrays.copyOf(head(1, 1, 0), 12), "too short");
        assertInvalid(head(1, 6, 1), "truncated");
    }
}

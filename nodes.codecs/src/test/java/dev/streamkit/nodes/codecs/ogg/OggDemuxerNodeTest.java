package dev.streamkit.nodes.codecs.ogg;

import static dev.streamkit.nodes.codecs.ogg.TestOggStreams.concat;
import static dev.streamkit.nodes.codecs.ogg.TestOggStreams.mux;
import static dev.streamkit.nodes.codecs.ogg.TestOggStreams.pageOf;
import static dev.streamkit.nodes.codecs.ogg.TestOggStreams.pageOffsets;
import static dev.streamkit.nodes.codecs.ogg.TestOggStreams.payloads;
import static dev.streamkit.nodes.codecs.ogg.TestOggStreams.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.api.packet.TextPacket;
import dev.streamkit.testkit.RecordingOutputs;
import dev.streamkit.nodes.codecs.FfmpegCli;
import dev.streamkit.nodes.codecs.opusformat.OpusHead;
import dev.streamkit.nodes.codecs.opusformat.TestOpusPackets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OggDemuxerNodeTest {

    private static final List<byte[]> PACKETS = TestOpusPackets.celt20ms(200, 42);
    private static final byte[] FILE = muxQuietly(PACKETS);
    private static final byte[] TAGS = OpusTags.withVendor("test");

    private static byte[] muxQuietly(List<byte[]> packets) {
        try {
            return mux(packets);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The timestamp RFC 7845 gives packet {@code k} of 20 ms packets, pre-skip 312, clamped at 0. */
    private static long expectedTimestampUs(int k) {
        return Math.max(0, 960L * k - 312) * 1_000_000L / 48_000;
    }

    private static void assertInvalidMedia(RecordingOutputs out, String messagePart) {
        NodeException failure = out.failure();
        assertNotNull(failure, "expected a failure");
        assertEquals(NodeException.Cause.INVALID_MEDIA, failure.failureCause());
        assertTrue(failure.getMessage().contains(messagePart), failure.getMessage());
        assertFalse(out.finished());
    }

    private static void assertSamePackets(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), actual.get(i), "packet " + i);
    }

    private static byte[] head(int version, int channels, int family) {
        byte[] b = OpusHead.forChannels(1, 48_000).toBytes();
        b[8] = (byte) version;
        b[9] = (byte) channels;
        b[18] = (byte) family;
        return b;
    }

    @Test
    void roundTripsMuxedPacketsByteExactWithExactTimestamps() throws Exception {
        RecordingOutputs out = run(new OggDemuxerNode(), FILE, 4096);
        assertTrue(out.finished());
        assertSamePackets(PACKETS, payloads(out));
        List<BinaryPacket> packets = out.packets(BinaryPacket.class);
        for (int k = 0; k < packets.size(); k++) {
            assertEquals(new PacketMetadata(expectedTimestampUs(k), 20_000L, (long) k), packets.get(k).metadata());
            assertEquals(null, packets.get(k).contentType());
        }
        assertTrue(out.states().isEmpty(), "clean input reports no damage: " + out.states());
    }

    @Test
    void parsesOneByteChunks() throws Exception {
        RecordingOutputs whole = run(new OggDemuxerNode(), FILE, FILE.length);
        RecordingOutputs bytewise = run(new OggDemuxerNode(), FILE, 1);
        assertTrue(bytewise.finished());
        assertSamePackets(payloads(whole), payloads(bytewise));
        assertEquals(whole.packets(BinaryPacket.class).stream().map(BinaryPacket::metadata).toList(),
                bytewise.packets(BinaryPacket.class).stream().map(BinaryPacket::metadata).toList());
    }

    @Test
    void reassemblesPacketsSpanningPages() throws Exception {
        List<byte[]> packets = new ArrayList<>(TestOpusPackets.celt20ms(3, 1));
        packets.add(TestOpusPackets.packet(TestOpusPackets.CELT_FB_20MS, 600, 2));
        packets.add(TestOpusPackets.code3(31, 6, 70_000, 3));
        packets.add(TestOpusPackets.code3(31, 6, 255 * 255, 4));
        packets.add(TestOpusPackets.packet(TestOpusPackets.CELT_FB_20MS, 510, 5));
        packets.addAll(TestOpusPackets.celt20ms(3, 6));
        byte[] file = mux(packets);
        assertTrue(pageOffsets(file).size() >= 5, "the large packets must span pages");
        RecordingOutputs out = run(new OggDemuxerNode(), file, 1000);
        assertTrue(out.finished());
        assertSamePackets(packets, payloads(out));
        List<BinaryPacket> emitted = out.packets(BinaryPacket.class);
        assertEquals(120_000L, emitted.get(5).metadata().durationUs());
        assertEquals(4 * 20_000L + 120_000L - 6_500, emitted.get(5).metadata().timestampUs());
        assertEquals(4 * 20_000L + 240_000L - 6_500, emitted.get(6).metadata().timestampUs());
        assertEquals(5 * 20_000L + 240_000L - 6_500, emitted.get(7).metadata().timestampUs());
    }

    @Test
    void dropsAndCountsCrcCorruptPageAndKeepsTimingAfterIt() throws Exception {
        List<Integer> offsets = pageOffsets(FILE);
        byte[] damaged = FILE.clone();
        damaged[offsets.get(3) + 100] ^= 0x10;
        OggDemuxerNode node = new OggDemuxerNode();
        RecordingOutputs out = run(node, damaged, 777);
        assertTrue(out.finished());
        assertEquals(1, node.corruptPages());
        List<BinaryPacket> emitted = out.packets(BinaryPacket.class);
        int lost = OggMuxerNode.PACKETS_PER_PAGE;
        assertEquals(PACKETS.size() - lost, emitted.size());
        int resumed = 2 * OggMuxerNode.PACKETS_PER_PAGE;
        for (int i = 0; i < emitted.size(); i++) {
            int original = i < OggMuxerNode.PACKETS_PER_PAGE ? i : i + lost;
            assertArrayEquals(PACKETS.get(original), emitted.get(i).data());
            assertEquals(expectedTimestampUs(original), emitted.get(i).metadata().timestampUs());
        }
        assertEquals(expectedTimestampUs(resumed), emitted.get(OggMuxerNode.PACKETS_PER_PAGE).metadata().timestampUs());
        assertTrue(out.states().stream().anyMatch(s -> s.kind() == NodeState.Kind.DEGRADED
                && s.reason().contains("1 corrupt pages dropped")), out.states().toString());
    }

    @Test
    void emitsCompletePacketsWhenTruncatedAtPageBoundary() throws Exception {
        List<Integer> offsets = pageOffsets(FILE);
        byte[] cut = Arrays.copyOf(FILE, offsets.get(4));
        OggDemuxerNode node = new OggDemuxerNode();
        RecordingOutputs out = run(node, cut, 4096);
        assertTrue(out.finished());
        assertSamePackets(PACKETS.subList(0, 100), payloads(out));
        assertEquals(0, node.truncatedBytes());
    }

    @Test
    void emitsCompletePacketsWhenTruncatedInsidePage() throws Exception {
        List<Integer> offsets = pageOffsets(FILE);
        byte[] cut = Arrays.copyOf(FILE, offsets.get(4) + 500);
        OggDemuxerNode node = new OggDemuxerNode();
        RecordingOutputs out = run(node, cut, 4096);
        assertTrue(out.finished());
        assertSamePackets(PACKETS.subList(0, 100), payloads(out));
        assertEquals(500, node.truncatedBytes());
        assertTrue(out.states().stream().anyMatch(s -> s.reason().contains("truncated")), out.states().toString());
    }

    @Test
    void rejectsRandomBytesWithinTheSyncWindow() throws Exception {
        byte[] noise = new byte[4 << 20];
        new Random(7).nextBytes(noise);
        OggDemuxerNode node = new OggDemuxerNode();
        RecordingOutputs out = new RecordingOutputs();
        long started = System.nanoTime();
        int fed = 0;
        while (fed < noise.length && out.failure() == null) {
            node.onPacket("in", BinaryPacket.of(Arrays.copyOfRange(noise, fed, fed + 4096)), out);
            fed += 4096;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertInvalidMedia(out, "not an Ogg stream");
        assertTrue(fed <= OggPageReader.SYNC_WINDOW + OggPage.MAX_PAGE_SIZE + 4096, "fed " + fed);
        assertTrue(millis < 500, "took " + millis + " ms");
    }

    @Test
    void rejectsShortNonOggInputAtEnd() throws Exception {
        assertInvalidMedia(run(new OggDemuxerNode(), "RIFF....WAVEfmt ".getBytes(StandardCharsets.US_ASCII), 3),
                "not an Ogg stream");
        assertInvalidMedia(run(new OggDemuxerNode(), new byte[0], 1), "not an Ogg stream");
    }

    @Test
    void rejectsPageWhoseSegmentTableRunsPastItsEnd() throws Exception {
        List<byte[]> packets = TestOpusPackets.celt20ms(1_000, 17);
        byte[] file = mux(packets);
        byte[] damaged = file.clone();
        damaged[pageOffsets(file).get(3) + 26] = (byte) 255;
        OggDemuxerNode node = new OggDemuxerNode();
        RecordingOutputs out = run(node, damaged, 999);
        assertTrue(out.finished());
        List<byte[]> expected = new ArrayList<>(packets.subList(0, 50));
        expected.addAll(packets.subList(100, 1_000));
        assertSamePackets(expected, payloads(out));
        assertEquals(1, node.corruptPages());
    }

    @Test
    void recoversPageHiddenBehindSegmentTableRunningPastEndOfInput() throws Exception {
        byte[] bos = pageOf(OggPage.BOS, 0, 9, 0, OpusHead.forChannels(1, 48_000).toBytes());
        byte[] tags = pageOf(0, 0, 9, 1, TAGS);
        byte[] liar = pageOf(0, 960, 9, 2, PACKETS.get(0));
        liar[26] = (byte) 200;
        byte[] good = pageOf(OggPage.EOS, 1920, 9, 3, PACKETS.get(1));
        OggDemuxerNode node = new OggDemuxerNode();
        RecordingOutputs out = run(node, concat(bos, tags, Arrays.copyOf(liar, 60), good), 13);
        assertTrue(out.finished());
        assertSamePackets(List.of(PACKETS.get(1)), payloads(out));
        assertEquals(60, node.truncatedBytes());
    }

    @Test
    void rejectsOpusHeadWithZeroChannels() throws Exception {
        assertInvalidMedia(run(new OggDemuxerNode(), pageOf(OggPage.BOS, 0, 1, 0, head(1, 0, 0)), 64), "0 channels");
    }

    @Test
    void rejectsOpusHeadWith255ChannelsInFamilyZero() throws Exception {
        assertInvalidMedia(run(new OggDemuxerNode(), pageOf(OggPage.BOS, 0, 1, 0, head(1, 255, 0)), 64), "family 0");
    }

    @Test
    void rejectsOpusHeadVersionTwo() throws Exception {
        assertInvalidMedia(run(new OggDemuxerNode(), pageOf(OggPage.BOS, 0, 1, 0, head(2, 1, 0)), 64), "version 2");
    }

    @Test
    void treatsSecondPacketAsAudioWhenOpusTagsIsMissing() throws Exception {
        byte[] file = concat(pageOf(OggPage.BOS, 0, 3, 0, OpusHead.forChannels(1, 48_000).toBytes()),
                pageOf(OggPage.EOS, 1920, 3, 1, PACKETS.get(0), PACKETS.get(1)));
        OggDemuxerNode node = new OggDemuxerNode();
        RecordingOutputs out = run(node, file, 100);
        assertTrue(out.finished());
        assertSamePackets(PACKETS.subList(0, 2), payloads(out));
        assertTrue(node.missingTags());
        assertTrue(out.states().stream().anyMatch(s -> s.reason().contains("OpusTags missing")));
    }

    @Test
    void followsFirstOfChainedStreamsAndCountsTheRest() throws Exception {
        byte[] second = mux(TestOpusPackets.celt20ms(30, 9), 77, 1, 65_536);
        OggDemuxerNode node = new OggDemuxerNode();
        RecordingOutputs out = run(node, concat(FILE, second), 4096);
        assertTrue(out.finished());
        assertSamePackets(PACKETS, payloads(out));
        assertEquals(pageOffsets(second).size(), node.ignoredPages());
    }

    @Test
    void followsOpusStreamMultiplexedWithAnotherCodec() throws Exception {
        byte[] vorbisBos = pageOf(OggPage.BOS, 0, 5, 0, "\u0001vorbis-header".getBytes(StandardCharsets.US_ASCII));
        byte[] file = concat(vorbisBos, pageOf(OggPage.BOS, 0, 6, 0, OpusHead.forChannels(2, 48_000).toBytes()),
                pageOf(0, 0, 6, 1, TAGS), pageOf(0, 0, 5, 1, new byte[] {1, 2, 3}),
                pageOf(OggPage.EOS, 960, 6, 2, PACKETS.get(0)));
        OggDemuxerNode node = new OggDemuxerNode();
        RecordingOutputs out = run(node, file, 50);
        assertTrue(out.finished());
        assertSamePackets(List.of(PACKETS.get(0)), payloads(out));
        assertEquals(2, node.ignoredPages());
    }

    @Test
    void rejectsOggWithoutOpusStream() throws Exception {
        byte[] vorbisBos = pageOf(OggPage.BOS, 0, 5, 0, "\u0001vorbis".getBytes(StandardCharsets.US_ASCII));
        assertInvalidMedia(run(new OggDemuxerNode(), vorbisBos, 10), "no Opus stream");
        assertInvalidMedia(run(new OggDemuxerNode(), concat(vorbisBos, pageOf(0, 0, 5, 1, new byte[] {1})), 10),
                "no Opus stream");
    }

    @Test
    void skipsAndCountsPacketsWithImpossibleToc() throws Exception {
        byte[] zeroFrames = TestOpusPackets.code3(31, 0, 10, 1);
        byte[] tooLong = TestOpusPackets.code3(31, 7, 10, 2);
        byte[] file = concat(pageOf(OggPage.BOS, 0, 3, 0, OpusHead.forChannels(1, 48_000).toBytes()),
                pageOf(0, 0, 3, 1, TAGS), pageOf(OggPage.EOS, 1920, 3, 2, PACKETS.get(0), zeroFrames, new byte[0],
                        tooLong, PACKETS.get(1)));
        OggDemuxerNode node = new OggDemuxerNode();
        RecordingOutputs out = run(node, file, 100);
        assertTrue(out.finished());
        assertSamePackets(PACKETS.subList(0, 2), payloads(out));
        assertEquals(3, node.invalidPackets());
        assertEquals(20_000L - 6_500, out.packets(BinaryPacket.class).get(1).metadata().timestampUs());
    }

    @Test
    void trimsLastPacketToFinalGranule() throws Exception {
        byte[] file = concat(pageOf(OggPage.BOS, 0, 3, 0, OpusHead.forChannels(1, 48_000).toBytes()),
                pageOf(0, 0, 3, 1, TAGS), pageOf(0, 960, 3, 2, PACKETS.get(0)),
                pageOf(OggPage.EOS, 960 + 480, 3, 3, PACKETS.get(1)));
        List<BinaryPacket> out = run(new OggDemuxerNode(), file, 100).packets(BinaryPacket.class);
        assertEquals(10_000L, out.get(1).metadata().durationUs());
    }

    @Test
    void demuxesFfmpegEncodedOggOpusLikeFfprobe() throws Exception {
        byte[] file = FfmpegCli.sineOggOpus(2);
        int expected = Integer.parseInt(FfmpegCli.streams(file, ".opus").get("nb_read_packets"));
        RecordingOutputs out = run(new OggDemuxerNode(), file, 1000);
        assertTrue(out.finished());
        List<BinaryPacket> packets = out.packets(BinaryPacket.class);
        assertEquals(expected, packets.size());
        for (int k = 0; k < packets.size() - 1; k++) {
            assertEquals(new PacketMetadata(expectedTimestampUs(k), 20_000L, (long) k), packets.get(k).metadata());
        }
        long end = packets.get(packets.size() - 1).metadata().timestampUs() + packets.get(packets.size() - 1).metadata().durationUs();
        assertEquals(2_000_000, end, 20_000, "end-trimmed to the encoded length");
    }

    @Test
    void rejectsNonBinaryInput() throws Exception {
        RecordingOutputs out = new RecordingOutputs();
        new OggDemuxerNode().onPacket("in", new TextPacket("hi", null), out);
        assertInvalidMedia(out, "expects binary");
    }
}

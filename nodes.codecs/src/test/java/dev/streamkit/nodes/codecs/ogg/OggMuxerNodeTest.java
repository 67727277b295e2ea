package dev.streamkit.nodes.codecs.ogg;

import static dev.streamkit.nodes.codecs.ogg.TestOggStreams.mux;
import static dev.streamkit.nodes.codecs.ogg.TestOggStreams.pageOffsets;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.testkit.RecordingOutputs;
import dev.streamkit.nodes.codecs.FfmpegCli;
import dev.streamkit.nodes.codecs.opusformat.OpusHead;
import dev.streamkit.nodes.codecs.opusformat.TestOpusPackets;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OggMuxerNodeTest {

    private static List<OggPage> pages(byte[] file) throws Exception {
        List<OggPage> pages = new ArrayList<>();
        OggPageReader reader = new OggPageReader();
        reader.feed(file, 0, file.length, pages::add);
        assertEquals(0, reader.end(pages::add));
        assertEquals(0, reader.corruptPages(), "every page checksum must verify");
        return pages;
    }

    @Test
    void writesHeaderPagesThenAudioPagesWithEos() throws Exception {
        List<OggPage> pages = pages(mux(TestOpusPackets.celt20ms(120, 1), 1234, 2, 65_536));
        assertEquals(5, pages.size());
        assertEquals(OggPage.BOS, pages.get(0).flags());
        assertArrayEquals(OpusHead.forChannels(2, 48_000).toBytes(), pages.get(0).body());
        assertArrayEquals(OpusTags.withVendor("StreamKit/J"), pages.get(1).body());
        assertEquals(0, pages.get(1).flags());
        assertEquals(OggPage.EOS, pages.get(4).flags());
        assertEquals(List.of(0L, 0L, 50L * 960, 100L * 960, 120L * 960), pages.stream().map(OggPage::granule).toList());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), pages.stream().map(OggPage::sequence).toList());
        assertTrue(pages.stream().allMatch(p -> p.serial() == 1234));
    }

    @Test
    void sendsChunksOfAtLeastChunkSizeAndTheRestAtEnd() throws Exception {
        RecordingOutputs out = new RecordingOutputs();
        OggMuxerNode muxer = new OggMuxerNode(0, 1, 1_000);
        for (BinaryPacket p : TestOpusPackets.asBinary(TestOpusPackets.celt20ms(200, 2))) muxer.onPacket("in", p, out);
        muxer.onInputEnd("in", out);
        List<BinaryPacket> chunks = out.packets(BinaryPacket.class);
        assertTrue(chunks.size() > 2);
        for (int i = 0; i < chunks.size() - 1; i++) assertTrue(chunks.get(i).data().length >= 1_000);
        assertTrue(chunks.stream().allMatch(c -> "audio/ogg".equals(c.contentType())));
        assertTrue(out.finished());
    }

    @Test
    void splitsLongPacketAcrossPagesWithContinuedFlag() throws Exception {
        byte[] big = TestOpusPackets.code3(31, 6, 70_000, 5);
        List<OggPage> pages = pages(mux(List.of(big)));
        assertEquals(4, pages.size());
        assertEquals(-1L, pages.get(2).granule());
        assertEquals(OggPage.CONTINUED | OggPage.EOS, pages.get(3).flags());
        assertEquals(5_760L, pages.get(3).granule());
    }

    @Test
    void writesValidEmptyFileWithoutPackets() throws Exception {
        List<OggPage> pages = pages(mux(List.of()));
        assertEquals(2, pages.size());
        assertEquals(OggPage.EOS, pages.get(1).flags());
    }

    @Test
    void skipsAndCountsPacketsWithInvalidToc() throws Exception {
        OggMuxerNode muxer = new OggMuxerNode(0, 1, 65_536);
        RecordingOutputs out = new RecordingOutputs();
        muxer.onPacket("in", BinaryPacket.of(new byte[0]), out);
        muxer.onPacket("in", BinaryPacket.of(TestOpusPackets.code3(31, 0, 4, 1)), out);
        muxer.onInputEnd("in", out);
        assertEquals(2, muxer.invalidPackets());
        assertEquals(2, pageOffsets(TestOggStreams.concat(out.packets(BinaryPacket.class))).size());
    }

    @Test
    void granuleStoredLittleEndianAfterPreSkipRules() throws Exception {
        byte[] file = mux(TestOpusPackets.celt20ms(3, 3));
        int last = pageOffsets(file).get(2);
        assertEquals(3L * 960, ByteBuffer.wrap(file, last + 6, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
    }

    @Test
    void ffprobeReadsOpusWithPacketCountAndDuration() throws Exception {
        List<byte[]> packets = TestOpusPackets.celt20ms(150, 8);
        Map<String, String> stream = FfmpegCli.streams(mux(packets, 1, 2, 65_536), ".opus");
        assertEquals("opus", stream.get("codec_name"));
        assertEquals("150", stream.get("nb_read_packets"));
        assertEquals("2", stream.get("channels"));
        assertEquals(3.0, Double.parseDouble(stream.get("duration")), 0.01);
    }

    @Test
    void remuxesFfmpegEncodedOpusIntoFileFfmpegDecodes() throws Exception {
        byte[] source = FfmpegCli.sineOggOpus(2);
        RecordingOutputs demuxed = TestOggStreams.run(new OggDemuxerNode(), source, 4096);
        List<byte[]> packets = TestOggStreams.payloads(demuxed);
        byte[] remuxed = mux(packets);
        FfmpegCli.assertDecodes(remuxed, ".opus");
        Map<String, String> stream = FfmpegCli.streams(remuxed, ".opus");
        assertEquals(String.valueOf(packets.size()), stream.get("nb_read_packets"));
    }

    @Test
    void ffprobeReadsLargePacketsSpanningPages() throws Exception {
        List<byte[]> packets = new ArrayList<>(TestOpusPackets.celt20ms(10, 9));
        packets.add(5, TestOpusPackets.code3(31, 6, 70_000, 10));
        Map<String, String> stream = FfmpegCli.streams(mux(packets), ".ogg");
        assertEquals("opus", stream.get("codec_name"));
        assertEquals("11", stream.get("nb_read_packets"));
        assertTrue(Arrays.asList("1", "mono").contains(stream.get("channels")));
    }
}

package dev.streamkit.nodes.codecs.webm;

import static dev.streamkit.nodes.codecs.webm.TestEbml.children;
import static dev.streamkit.nodes.codecs.webm.TestEbml.find;
import static dev.streamkit.nodes.codecs.webm.TestEbml.uint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.testkit.RecordingOutputs;
import dev.streamkit.nodes.codecs.FfmpegCli;
import dev.streamkit.nodes.codecs.opusformat.OpusHead;
import dev.streamkit.nodes.codecs.opusformat.TestOpusPackets;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebmMuxerNodeTest {

    private static RecordingOutputs mux(List<BinaryPacket> packets, int channels, int chunkSize, boolean live) {
        WebmMuxerNode node = new WebmMuxerNode(48_000, channels, chunkSize, live);
        RecordingOutputs out = new RecordingOutputs();
        for (BinaryPacket p : packets) node.onPacket("in", p, out);
        node.onInputEnd("in", out);
        return out;
    }

    private static byte[] file(List<byte[]> packets, boolean live) {
        return bytes(mux(TestOpusPackets.asBinary(packets), 2, 65_536, live));
    }

    private static byte[] bytes(RecordingOutputs out) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (BinaryPacket p : out.packets(BinaryPacket.class)) all.writeBytes(p.data());
        return all.toByteArray();
    }

    /** Absolute timecodes (ms) of every SimpleBlock, in order; their payloads go to {@code payloads}. */
    private static List<long[]> blockTimes(byte[] f, List<byte[]> payloads) {
        TestEbml.Element segment = find(children(f, 0, f.length), WebmIds.SEGMENT);
        List<TestEbml.Element> flat = new ArrayList<>();
        for (TestEbml.Element e : children(f, segment.dataOffset(), f.length)) {
            flat.add(e);
            if (e.id() == WebmIds.CLUSTER) flat.addAll(children(f, e.dataOffset(), e.dataOffset() + e.dataLength()));
        }
        List<long[]> times = new ArrayList<>();
        long base = -1;
        for (TestEbml.Element e : flat) {
            if (e.id() == WebmIds.TIMECODE) base = uint(f, e);
            if (e.id() != WebmIds.SIMPLE_BLOCK) continue;
            int at = e.dataOffset();
            assertEquals(0x81, f[at] & 0xFF);
            assertEquals(0x80, f[at + 3] & 0xFF, "keyframe flag");
            short relative = (short) ((f[at + 1] & 0xFF) << 8 | (f[at + 2] & 0xFF));
            times.add(new long[] {base + relative});
            payloads.add(Arrays.copyOfRange(f, at + 4, at + e.dataLength()));
        }
        return times;
    }

    private static long clusters(byte[] f) {
        TestEbml.Element segment = find(children(f, 0, f.length), WebmIds.SEGMENT);
        return children(f, segment.dataOffset(), f.length).stream().filter(e -> e.id() == WebmIds.CLUSTER).count();
    }

    @Test
    void writesInitSegmentWithOpusTrack() {
        byte[] f = file(List.of(), true);
        List<TestEbml.Element> top = children(f, 0, f.length);
        TestEbml.Element ebml = find(top, WebmIds.EBML);
        TestEbml.Element docType = find(children(f, ebml.dataOffset(), ebml.dataOffset() + ebml.dataLength()), WebmIds.DOC_TYPE);
        assertEquals("webm", new String(f, docType.dataOffset(), docType.dataLength(), StandardCharsets.US_ASCII));
        TestEbml.Element segment = find(top, WebmIds.SEGMENT);
        List<TestEbml.Element> level1 = children(f, segment.dataOffset(), f.length);
        TestEbml.Element info = find(level1, WebmIds.INFO);
        assertEquals(1_000_000, uint(f, find(children(f, info.dataOffset(), info.dataOffset() + info.dataLength()),
                WebmIds.TIMECODE_SCALE)));
        TestEbml.Element tracks = find(level1, WebmIds.TRACKS);
        TestEbml.Element entry = find(children(f, tracks.dataOffset(), tracks.dataOffset() + tracks.dataLength()),
                WebmIds.TRACK_ENTRY);
        List<TestEbml.Element> track = children(f, entry.dataOffset(), entry.dataOffset() + entry.dataLength());
        TestEbml.Element codec = find(track, WebmIds.CODEC_ID);
        assertEquals("A_OPUS", new String(f, codec.dataOffset(), codec.dataLength(), StandardCharsets.US_ASCII));
        TestEbml.Element priv = find(track, WebmIds.CODEC_PRIVATE);
        assertArrayEquals(OpusHead.forChannels(2, 48_000).toBytes(),
                Arrays.copyOfRange(f, priv.dataOffset(), priv.dataOffset() + priv.dataLength()));
        assertEquals(6_500_000, uint(f, find(track, WebmIds.CODEC_DELAY)));
        assertEquals(80_000_000, uint(f, find(track, WebmIds.SEEK_PRE_ROLL)));
        assertEquals(2, uint(f, find(track, WebmIds.TRACK_TYPE)));
    }

    @Test
    void liveModeWritesEveryPacketAsTimedKeyframeBlockInOneSecondClusters() {
        List<byte[]> packets = TestOpusPackets.celt20ms(120, 3);
        byte[] f = file(packets, true);
        List<byte[]> payloads = new ArrayList<>();
        List<long[]> times = blockTimes(f, payloads);
        assertEquals(120, times.size());
        for (int i = 0; i < 120; i++) {
            assertEquals(20L * i, times.get(i)[0]);
            assertArrayEquals(packets.get(i), payloads.get(i));
        }
        assertEquals(3, clusters(f));
    }

    @Test
    void fileModeWritesSizedClustersWithSameBlocks() {
        List<byte[]> packets = TestOpusPackets.celt20ms(120, 4);
        byte[] f = file(packets, false);
        assertEquals(3, clusters(f));
        List<byte[]> payloads = new ArrayList<>();
        assertEquals(120, blockTimes(f, payloads).size());
        for (int i = 0; i < 120; i++) assertArrayEquals(packets.get(i), payloads.get(i));
    }

    @Test
    void jumpsForwardOverGapsInPacketTimestamps() {
        List<byte[]> packets = TestOpusPackets.celt20ms(3, 5);
        List<BinaryPacket> timed = List.of(
                new BinaryPacket(packets.get(0), null, PacketMetadata.timed(0, 20_000)),
                new BinaryPacket(packets.get(1), null, PacketMetadata.timed(500_000, 20_000)),
                new BinaryPacket(packets.get(2), null, PacketMetadata.timed(510_000, 20_000)));
        List<long[]> times = blockTimes(bytes(mux(timed, 1, 65_536, true)), new ArrayList<>());
        assertEquals(List.of(0L, 500L, 520L), times.stream().map(t -> t[0]).toList());
    }

    @Test
    void skipsPacketsWithInvalidTocAndSendsChunks() {
        WebmMuxerNode node = new WebmMuxerNode(48_000, 1, 100, true);
        RecordingOutputs out = new RecordingOutputs();
        node.onPacket("in", BinaryPacket.of(new byte[0]), out);
        for (BinaryPacket p : TestOpusPackets.asBinary(TestOpusPackets.celt20ms(10, 6))) node.onPacket("in", p, out);
        node.onInputEnd("in", out);
        assertEquals(1, node.invalidPackets());
        assertTrue(out.packets(BinaryPacket.class).size() > 3);
        assertTrue(out.packets(BinaryPacket.class).stream().allMatch(p -> p.contentType().equals("audio/webm; codecs=\"opus\"")));
        assertTrue(out.finished());
    }

    @Test
    void ffprobeReadsLiveOutput() throws Exception {
        assertFfprobeReads(file(TestOpusPackets.celt20ms(150, 7), true));
    }

    @Test
    void ffprobeReadsFileModeOutput() throws Exception {
        assertFfprobeReads(file(TestOpusPackets.celt20ms(150, 8), false));
    }

    @Test
    void muxesFfmpegEncodedOpusIntoWebmFfmpegDecodes() throws Exception {
        byte[] source = FfmpegCli.sineOggOpus(2);
        List<BinaryPacket> packets = new ArrayList<>();
        RecordingOutputs demuxed = new RecordingOutputs();
        var demuxer = new dev.streamkit.nodes.codecs.ogg.OggDemuxerFactory().create(
                dev.streamkit.api.node.Params.EMPTY, dev.streamkit.testkit.TestNodeContext.noFiles());
        demuxer.onPacket("in", BinaryPacket.of(source), demuxed);
        demuxer.onInputEnd("in", demuxed);
        packets.addAll(demuxed.packets(BinaryPacket.class));
        for (boolean live : new boolean[] {true, false}) {
            byte[] webm = bytes(mux(packets, 1, 4096, live));
            FfmpegCli.assertDecodes(webm, ".webm");
            assertEquals(String.valueOf(packets.size()), FfmpegCli.streams(webm, ".webm").get("nb_read_packets"));
        }
    }

    private static void assertFfprobeReads(byte[] f) throws Exception {
        Map<String, String> stream = FfmpegCli.streams(f, ".webm");
        assertEquals("opus", stream.get("codec_name"));
        assertEquals("150", stream.get("nb_read_packets"));
        assertEquals("2", stream.get("channels"));
        List<Double> times = FfmpegCli.packetTimes(f, ".webm");
        assertEquals(150, times.size());
        assertEquals(149 * 0.020, times.get(149) - times.get(0), 0.002);
    }
}

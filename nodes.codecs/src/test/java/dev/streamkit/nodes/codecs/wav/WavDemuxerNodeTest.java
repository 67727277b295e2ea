package dev.streamkit.nodes.codecs.wav;

import static dev.streamkit.nodes.codecs.wav.TestWavFiles.chunk;
import static dev.streamkit.nodes.codecs.wav.TestWavFiles.chunkHeader;
import static dev.streamkit.nodes.codecs.wav.TestWavFiles.concat;
import static dev.streamkit.nodes.codecs.wav.TestWavFiles.fmt;
import static dev.streamkit.nodes.codecs.wav.TestWavFiles.riff;
import static dev.streamkit.nodes.codecs.wav.TestWavFiles.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.testkit.RecordingOutputs;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WavDemuxerNodeTest {

    private static final byte[] INT16_DATA = TestWavFiles.randomInt16(11, 2_000 * 2);
    private static final byte[] INT16_STEREO = riff(fmt(1, 2, 44_100, 16), chunk("data", INT16_DATA));

    private static void assertInvalidMedia(RecordingOutputs out, String messagePart) {
        NodeException failure = out.failure();
        assertNotNull(failure, "expected a failure");
        assertEquals(NodeException.Cause.INVALID_MEDIA, failure.failureCause());
        assertTrue(failure.getMessage().contains(messagePart), failure.getMessage());
        assertFalse(out.finished());
    }

    @Test
    void roundTripsInt16ThroughMuxerByteExact() throws Exception {
        RecordingOutputs demuxed = run(new WavDemuxerNode(), INT16_STEREO, 4096);
        RecordingOutputs muxed = new RecordingOutputs();
        WavMuxerNode muxer = new WavMuxerNode(PcmEncoding.INT16);
        for (AudioFrame f : demuxed.packets(AudioFrame.class)) muxer.onPacket("in", f, muxed);
        muxer.onInputEnd("in", muxed);

        byte[] file = TestWavFiles.bytes(muxed);
        assertArrayEquals(INT16_DATA, Arrays.copyOfRange(file, 44, file.length));
        RecordingOutputs again = run(new WavDemuxerNode(), file, 4096);
        assertTrue(again.finished());
        assertArrayEquals(TestWavFiles.samples(demuxed.packets(AudioFrame.class)),
                TestWavFiles.samples(again.packets(AudioFrame.class)));
        assertEquals(44_100, again.packets(AudioFrame.class).get(0).sampleRate());
        assertEquals(2, again.packets(AudioFrame.class).get(0).channels());
    }

    @Test
    void parsesFileSplitIntoOneByteChunks() throws Exception {
        RecordingOutputs whole = run(new WavDemuxerNode(), INT16_STEREO, INT16_STEREO.length);
        RecordingOutputs bytewise = run(new WavDemuxerNode(), INT16_STEREO, 1);
        assertTrue(bytewise.finished());
        assertEquals(whole.packets(AudioFrame.class).stream().map(AudioFrame::metadata).toList(),
                bytewise.packets(AudioFrame.class).stream().map(AudioFrame::metadata).toList());
        assertArrayEquals(TestWavFiles.samples(whole.packets(AudioFrame.class)),
                TestWavFiles.samples(bytewise.packets(AudioFrame.class)));
    }

    @Test
    void emitsFramesOf960TimedFromSamplePosition() throws Exception {
        List<AudioFrame> frames = run(new WavDemuxerNode(), INT16_STEREO, 333).packets(AudioFrame.class);
        assertEquals(List.of(960, 960, 80), frames.stream().map(AudioFrame::frameCount).toList());
        long position = 0;
        for (AudioFrame f : frames) {
            assertEquals(position * 1_000_000 / 44_100, f.metadata().timestampUs());
            position += f.frameCount();
            assertEquals(position * 1_000_000 / 44_100, f.metadata().timestampUs() + f.metadata().durationUs());
        }
    }

    @Test
    void readsExtensibleFloatFormat() throws Exception {
        byte[] data = TestWavFiles.sineFloat32(48_000, 2, 1000, 1_000);
        float[] samples = TestWavFiles.demux(riff(TestWavFiles.extensibleFmt(3, 2, 48_000, 32), chunk("data", data)));
        assertEquals(2_000, samples.length);
        assertEquals((float) (0.5 * Math.sin(2 * Math.PI * 1000 * 7 / 48_000.0)), samples[14]);
    }

    @Test
    void readsExtensible24BitPcm() throws Exception {
        byte[] data = {0x00, 0x00, 0x40, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x00, 0x00, (byte) 0x80};
        float[] samples = TestWavFiles.demux(riff(TestWavFiles.extensibleFmt(1, 1, 96_000, 24), chunk("data", data)));
        assertArrayEquals(new float[] {0.5f, -1f / 8_388_608, -1f}, samples);
    }

    @Test
    void readsInt32AndFloat64() throws Exception {
        byte[] int32 = {0, 0, 0, 0x40};
        assertArrayEquals(new float[] {0.5f}, TestWavFiles.demux(riff(fmt(1, 1, 8_000, 32), chunk("data", int32))));
        byte[] float64 = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putDouble(-0.25).putDouble(Double.NaN).array();
        assertArrayEquals(new float[] {-0.25f, 0f}, TestWavFiles.demux(riff(fmt(3, 1, 8_000, 64), chunk("data", float64))));
    }

    @Test
    void skipsListChunksWithPadByte() throws Exception {
        byte[] list = chunk("LIST", TestWavFiles.ascii("INFOx"));
        byte[] file = riff(list, fmt(1, 2, 44_100, 16), chunk("JUNK", new byte[3]), chunk("data", INT16_DATA), list);
        RecordingOutputs out = run(new WavDemuxerNode(), file, 7);
        assertTrue(out.finished());
        assertArrayEquals(TestWavFiles.demux(INT16_STEREO), TestWavFiles.samples(out.packets(AudioFrame.class)));
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 0xFFFFFFFFL})
    void readsOpenEndedDataUntilEndOfInput(long declaredSize) throws Exception {
        byte[] file = concat(TestWavFiles.ascii("RIFF"), TestWavFiles.le32(-1), TestWavFiles.ascii("WAVE"),
                fmt(1, 2, 44_100, 16), chunkHeader("data", declaredSize), INT16_DATA);
        RecordingOutputs out = run(new WavDemuxerNode(), file, 1000);
        assertTrue(out.finished());
        assertEquals(INT16_DATA.length / 2, TestWavFiles.samples(out.packets(AudioFrame.class)).length);
    }

    @Test
    void keepsCompleteSamplesWhenDataIsCutMidSample() throws Exception {
        byte[] cut = Arrays.copyOf(INT16_STEREO, INT16_STEREO.length - 3);
        RecordingOutputs out = run(new WavDemuxerNode(), cut, 500);
        assertTrue(out.finished());
        assertNull(out.failure());
        assertEquals(1_999 * 2, TestWavFiles.samples(out.packets(AudioFrame.class)).length);
    }

    @Test
    void failsOnTruncatedHeader() throws Exception {
        assertInvalidMedia(run(new WavDemuxerNode(), Arrays.copyOf(INT16_STEREO, 30), 5), "truncated WAV header");
    }

    @Test
    void failsOnEmptyInput() throws Exception {
        assertInvalidMedia(run(new WavDemuxerNode(), new byte[0], 1), "empty");
    }

    @Test
    void failsAsSoonAsMagicIsWrong() throws Exception {
        RecordingOutputs out = new RecordingOutputs();
        TestWavFiles.feed(new WavDemuxerNode(), out, TestWavFiles.ascii("RIFX"), 1);
        assertInvalidMedia(out, "not a RIFF file");
    }

    @Test
    void failsOnRiffThatIsNotWave() throws Exception {
        byte[] avi = concat(TestWavFiles.ascii("RIFF"), TestWavFiles.le32(100), TestWavFiles.ascii("AVI "));
        assertInvalidMedia(run(new WavDemuxerNode(), avi, 1), "not WAVE");
    }

    @Test
    void failsOnHostileFormats() throws Exception {
        assertInvalidMedia(run(new WavDemuxerNode(), riff(fmt(1, 0, 48_000, 16)), 64), "channel count 0");
        assertInvalidMedia(run(new WavDemuxerNode(), riff(fmt(1, 33, 48_000, 16)), 64), "channel count 33");
        assertInvalidMedia(run(new WavDemuxerNode(), riff(fmt(1, 2, 0, 16)), 64), "sample rate 0");
        assertInvalidMedia(run(new WavDemuxerNode(), riff(fmt(1, 2, 800_000, 16)), 64), "sample rate 800000");
        assertInvalidMedia(run(new WavDemuxerNode(), riff(fmt(1, 2, 48_000, 12)), 64), "12-bit");
        assertInvalidMedia(run(new WavDemuxerNode(), riff(fmt(3, 2, 48_000, 16)), 64), "16-bit float");
        assertInvalidMedia(run(new WavDemuxerNode(), riff(fmt(0x55, 2, 48_000, 16)), 64), "format tag 0x55");
        assertInvalidMedia(run(new WavDemuxerNode(), riff(chunk("fmt ", TestWavFiles.fmtBody(1, 2, 48_000, 16, 7))), 64),
                "block align");
    }

    @Test
    void failsWhenDataComesBeforeFmt() throws Exception {
        assertInvalidMedia(run(new WavDemuxerNode(), riff(chunk("data", INT16_DATA), fmt(1, 2, 44_100, 16)), 64),
                "fmt chunk missing before data");
    }

    @Test
    void neverAllocatesFromDeclaredLengths() throws Exception {
        byte[] hugeFmt = concat(riff(), chunkHeader("fmt ", 0x7FFFFFF0L));
        RecordingOutputs out = new RecordingOutputs();
        TestWavFiles.feed(new WavDemuxerNode(), out, hugeFmt, 64);
        assertInvalidMedia(out, "fmt chunk of");

        byte[] hugeUnknown = concat(riff(), chunkHeader("LIST", 0xFFFFFFF0L), new byte[100]);
        assertInvalidMedia(run(new WavDemuxerNode(), hugeUnknown, 64), "truncated WAV header");
    }

    @Test
    void survivesRandomCorruption() throws Exception {
        Random random = new Random(1234);
        for (int round = 0; round < 300; round++) {
            byte[] file = Arrays.copyOf(INT16_STEREO, 44 + random.nextInt(200));
            for (int flips = random.nextInt(4) + 1; flips > 0; flips--) file[random.nextInt(file.length)] = (byte) random.nextInt();
            RecordingOutputs out = run(new WavDemuxerNode(), file, 1 + random.nextInt(17));
            assertTrue(out.finished() ^ out.failure() != null, "ends exactly one way");
            if (out.failure() != null) assertEquals(NodeException.Cause.INVALID_MEDIA, out.failure().failureCause());
        }
    }
}

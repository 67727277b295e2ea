package dev.streamkit.nodes.codecs.webm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamkit.nodes.codecs.opusformat.OpusHead;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebmHeaderTest {

    @Test
    void declaresSampleRateAndChannelsOfTheTrack() {
        byte[] f = WebmHeader.initSegment(OpusHead.forChannels(6, 44_100), 44_100);
        TestEbml.Element segment = TestEbml.find(TestEbml.children(f, 0, f.length), WebmIds.SEGMENT);
        TestEbml.Element tracks = TestEbml.find(TestEbml.children(f, segment.dataOffset(), f.length), WebmIds.TRACKS);
        TestEbml.Element entry = TestEbml.find(TestEbml.children(f, tracks.dataOffset(), tracks.dataOffset()
                + tracks.dataLength()), WebmIds.TRACK_ENTRY);
        TestEbml.Element audio = TestEbml.find(TestEbml.children(f, entry.dataOffset(), entry.dataOffset()
                + entry.dataLength()), WebmIds.AUDIO);
        List<TestEbml.Element> fields = TestEbml.children(f, audio.dataOffset(), audio.dataOffset() + audio.dataLength());
        assertEquals(6, TestEbml.uint(f, TestEbml.find(fields, WebmIds.CHANNELS)));
        TestEbml.Element rate = TestEbml.find(fields, WebmIds.SAMPLING_FREQUENCY);
        assertEquals(44_100.0, ByteBuffer.wrap(f, rate.dataOffset(), 8).getDouble());
    }
}

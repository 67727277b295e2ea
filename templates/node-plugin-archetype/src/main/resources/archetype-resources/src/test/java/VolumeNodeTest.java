package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.api.packet.TextPacket;
import dev.streamkit.testkit.Ending;
import dev.streamkit.testkit.NodeHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The node driven by the StreamKit/J test kit: packets in, tunes, input end; what it sent and how it ended. */
class VolumeNodeTest {

    private static final VolumeFactory FACTORY = new VolumeFactory();

    private static AudioFrame frame(float... samples) {
        return new AudioFrame(48_000, 1, samples, PacketMetadata.NONE);
    }

    private static double ratio(AudioFrame out, AudioFrame in) {
        return out.samples()[0] / in.samples()[0];
    }

    @Test
    void minusSixDecibelsHalvesTheAmplitudeAndKeepsTheFormat() throws Exception {
        AudioFrame in = frame(0.5f, -0.25f);
        NodeHarness harness = NodeHarness.create(FACTORY, Map.of("gain_db", -6.0206)).feed("in", in);
        List<AudioFrame> sent = harness.outputs().packets("out", AudioFrame.class);
        assertEquals(1, sent.size());
        assertEquals(0.5, ratio(sent.get(0), in), 1e-3);
        assertEquals(in.sampleRate(), sent.get(0).sampleRate());
        assertEquals(in.channels(), sent.get(0).channels());
        assertEquals(0.5f, in.samples()[0], "the input frame is left as it was");
    }

    @Test
    void aTuneAppliesFromTheNextFrame() throws Exception {
        AudioFrame in = frame(0.1f);
        NodeHarness harness = NodeHarness.create(FACTORY, Map.of())
                .feed("in", in).tune(Map.of("gain_db", 20.0)).feed("in", in);
        List<AudioFrame> sent = harness.outputs().packets("out", AudioFrame.class);
        assertEquals(1.0, ratio(sent.get(0), in), 1e-6);
        assertEquals(10.0, ratio(sent.get(1), in), 1e-3);
    }

    @Test
    void clipsToFullScaleUnlessToldNotTo() throws Exception {
        AudioFrame loud = frame(0.9f);
        AudioFrame clipped = NodeHarness.create(FACTORY, Map.of("gain_db", 12.0)).feed("in", loud)
                .outputs().packets("out", AudioFrame.class).get(0);
        assertEquals(1.0f, clipped.samples()[0]);
        AudioFrame unclipped = NodeHarness.create(FACTORY, Map.of("gain_db", 12.0, "clip", false)).feed("in", loud)
                .outputs().packets("out", AudioFrame.class).get(0);
        assertTrue(unclipped.samples()[0] > 1.0f);
    }

    @Test
    void finishesWhenItsInputEnds() throws Exception {
        NodeHarness harness = NodeHarness.create(FACTORY, Map.of()).feed("in", frame(0.1f)).endInput("in");
        assertEquals(Ending.FINISHED, harness.outputs().ending());
    }

    @Test
    void failsOnSomethingOtherThanAudio() throws Exception {
        NodeHarness harness = NodeHarness.create(FACTORY, Map.of()).feed("in", new TextPacket("hello", null));
        Ending ending = harness.outputs().ending();
        assertTrue(ending.failed(), ending::toString);
        assertEquals(NodeException.Cause.INVALID_MEDIA, ending.failure().failureCause());
    }

    @Test
    void declaresGainAsTheTunableParam() {
        Map<String, ParamSpec> params = FACTORY.definition().params().properties();
        assertTrue(params.get("gain_db").isTunable());
        assertTrue(!params.get("clip").isTunable());
        assertEquals(VolumeFactory.KIND, FACTORY.definition().kind());
    }
}

package dev.streamkit.nodes.codecs.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.nodes.codecs.flac.FlacDecoderFactory;
import dev.streamkit.nodes.codecs.mp3.Mp3DecoderFactory;
import dev.streamkit.nodes.codecs.opus.OpusDecoderFactory;
import dev.streamkit.nodes.codecs.opus.OpusEncoderFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The four FFmpeg-backed kinds describe themselves as StreamKit does. */
class CodecFactoriesTest {

    @Test
    void opusEncoderSchemaAndPins() {
        NodeDefinition d = new OpusEncoderFactory().definition();
        assertEquals("audio::opus::encoder", d.kind());
        assertEquals(List.of("audio", "codecs", "opus"), d.categories());
        assertEquals(PacketType.rawAudio(48_000, 1), d.inputs().get(0).acceptsTypes().get(0));
        assertEquals(PacketType.OPUS_AUDIO, d.outputs().get(0).producesType());
        @SuppressWarnings("unchecked")
        Map<String, Object> bitrate = (Map<String, Object>) ((Map<String, Object>) d.params().toJsonSchema().get("properties")).get("bitrate");
        assertEquals("integer", bitrate.get("type"));
        assertEquals(6_000L, bitrate.get("minimum"));
        assertEquals(510_000L, bitrate.get("maximum"));
        assertEquals(1_000L, bitrate.get("multipleOf"));
        assertEquals(64_000, bitrate.get("default"));
    }

    @Test
    void decodersDeclareStreamKitPins() {
        NodeDefinition opus = new OpusDecoderFactory().definition();
        assertEquals("audio::opus::decoder", opus.kind());
        assertEquals(PacketType.OPUS_AUDIO, opus.inputs().get(0).acceptsTypes().get(0));
        assertEquals(PacketType.rawAudio(48_000, 1), opus.outputs().get(0).producesType());
        assertEquals(Map.of(), opus.params().toJsonSchema());

        NodeDefinition flac = new FlacDecoderFactory().definition();
        NodeDefinition mp3 = new Mp3DecoderFactory().definition();
        assertEquals("audio::flac::decoder", flac.kind());
        assertEquals("audio::mp3::decoder", mp3.kind());
        assertEquals(List.of("audio", "codecs", "flac"), flac.categories());
        assertEquals(List.of("audio", "codecs", "mp3"), mp3.categories());
        for (NodeDefinition d : List.of(flac, mp3)) {
            assertEquals(PacketType.BINARY, d.inputs().get(0).acceptsTypes().get(0));
            assertEquals(PacketType.rawAudio(48_000, 2), d.outputs().get(0).producesType());
        }
    }
}

package dev.streamkit.nodes.codecs.webm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.testkit.TestNodeContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebmMuxerFactoryTest {

    private final WebmMuxerFactory factory = new WebmMuxerFactory();

    @SuppressWarnings("unchecked")
    private Map<String, Object> property(String name) {
        Map<String, Object> props = (Map<String, Object>) factory.definition().params().toJsonSchema().get("properties");
        return (Map<String, Object>) props.get(name);
    }

    @Test
    void schemaDocumentsEveryParamWithDefaults() {
        assertEquals(48_000, property("sample_rate").get("default"));
        assertEquals(2, property("channels").get("default"));
        assertEquals(8L, property("channels").get("maximum"));
        assertEquals(65_536, property("chunk_size").get("default"));
        assertEquals(List.of("live", "file"), property("streaming_mode").get("enum"));
        assertEquals("live", property("streaming_mode").get("default"));
        assertEquals(List.of("containers", "webm"), factory.definition().categories());
        assertEquals(PacketType.OPUS_AUDIO, factory.definition().inputs().get(0).acceptsTypes().get(0));
        assertEquals(PacketType.BINARY, factory.definition().outputs().get(0).producesType());
    }

    @Test
    void missingParamsObjectMeansDefaults() throws Exception {
        assertEquals("audio/webm; codecs=\"opus\"", factory.create(Params.EMPTY, TestNodeContext.noFiles()).contentType());
    }

    @Test
    void rejectsUnknownStreamingModeAndChannelCount() {
        assertEquals("streaming_mode", assertThrows(NodeException.class, () -> factory.create(
                Params.of(Map.of("streaming_mode", "vod")), TestNodeContext.noFiles())).field());
        assertEquals("channels", assertThrows(NodeException.class, () -> factory.create(
                Params.of(Map.of("channels", 9)), TestNodeContext.noFiles())).field());
    }
}

package dev.streamkit.moq.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Params;
import dev.streamkit.engine.internal.ParamValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code transport::moq::peer}'s params: StreamKit's defaults, both input forms, and the refusals. */
class PeerParamsTest {

    private static PeerParams read(Map<String, ?> values) throws NodeException {
        return PeerParams.read(Params.of(values));
    }

    private static String schemaProblem(Map<String, Object> values) {
        return ParamValidator.firstProblem(values, PeerParams.schema());
    }

    @Test
    void defaultsAreStreamKits() throws Exception {
        PeerParams params = read(Map.of());
        assertEquals("/moq", params.gatewayPath());
        assertEquals(List.of("input"), params.inputBroadcasts());
        assertEquals("output", params.outputBroadcast());
        assertEquals(40, params.groupDurationMs());
        assertEquals(0, params.initialDelayMs());
        assertTrue(!params.allowReconnect());
    }

    @Test
    void theGatewayPathIsNormalised() throws Exception {
        assertEquals("/moq/transcoder", read(Map.of("gateway_path", " moq/transcoder/ ")).gatewayPath());
        assertEquals("/moq", read(Map.of("gateway_path", "  ")).gatewayPath());
        assertEquals("/", read(Map.of("gateway_path", "///")).gatewayPath());
    }

    @Test
    void v01sSingleInputBroadcastIsTheSameAsAListOfOne() throws Exception {
        assertEquals(List.of("mic"), read(Map.of("input_broadcast", "mic")).inputBroadcasts());
        assertEquals(List.of("screen-input", "cam-input"),
                read(Map.of("input_broadcasts", List.of("screen-input", "cam-input"))).inputBroadcasts());
        assertEquals("screen-input", read(Map.of("input_broadcasts", List.of("screen-input", "cam-input"))).primaryInput());
    }

    @Test
    void anEmptyOrMalformedBroadcastListIsRefusedNamingTheField() {
        NodeException empty = assertThrows(NodeException.class, () -> read(Map.of("input_broadcasts", List.of())));
        assertEquals("input_broadcasts", empty.field());
        NodeException notNames = assertThrows(NodeException.class, () -> read(Map.of("input_broadcasts", List.of(3))));
        assertEquals("input_broadcasts", notNames.field());
        NodeException both = assertThrows(NodeException.class,
                () -> read(Map.of("input_broadcasts", List.of("a"), "input_broadcast", "b")));
        assertEquals("input_broadcast", both.field());
    }

    @Test
    void aacIsRefusedBecauseOnlyOpusIsCarried() {
        NodeException aac = assertThrows(NodeException.class, () -> read(Map.of("audio_codec", "aac")));
        assertEquals("audio_codec", aac.field());
        assertTrue(aac.getMessage().contains("Opus"), aac.getMessage());
    }

    @Test
    void theSchemaTakesStreamKitsSampleParamsAndRefusesUnknownOnes() {
        assertEquals(null, schemaProblem(Map.of("gateway_path", "/moq", "input_broadcast", "input", "output_broadcast", "output",
                "allow_reconnect", true)));
        assertEquals(null, schemaProblem(Map.of("input_broadcasts", List.of("screen-input"), "video_width", 1280,
                "video_height", 720, "video_codec", "vp9", "audio_codec", "opus")));
        assertTrue(schemaProblem(Map.of("gateway", "/moq")).startsWith("unknown field 'gateway'"));
        assertTrue(schemaProblem(Map.of("output_group_duration_ms", 0)).contains("must be at least 1"));
        assertTrue(schemaProblem(Map.of("video_codec", "mpeg2")).contains("must be one of"));
    }
}

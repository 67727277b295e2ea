package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.CustomPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.api.packet.TextPacket;
import dev.streamkit.testkit.RecordingOutputs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonSerializeNodeTest {

    /** Feeds {@code packets} through {@code node} and returns each emitted document as text. */
    private static List<String> serialize(JsonSerializeNode node, Packet... packets) throws Exception {
        var out = new RecordingOutputs();
        for (Packet packet : packets) node.onPacket("in", packet, out);
        return out.packets(BinaryPacket.class).stream()
                .map(p -> new String(p.data(), StandardCharsets.UTF_8))
                .toList();
    }

    /** Fails unless {@code text} is exactly one well-formed JSON value (surrounding whitespace allowed). */
    private static void assertParses(String text) {
        JsonReformatter.copy(text, new JsonWriter(false));
    }

    @Test
    void emitsJsonBinaryPacketsOnOut() throws Exception {
        var node = new JsonSerializeNode(false, false);
        var out = new RecordingOutputs();

        node.onPacket("in", new TextPacket("hi", PacketMetadata.timed(0, 10)), out);

        assertEquals("out", out.sent().get(0).pin());
        BinaryPacket packet = out.packets(BinaryPacket.class).get(0);
        assertEquals("application/json", packet.contentType());
        assertEquals(PacketMetadata.NONE, packet.metadata());
        assertEquals("{\"Text\":\"hi\"}", new String(packet.data(), StandardCharsets.UTF_8));
        assertEquals("application/json", node.contentType());
    }

    @Test
    void escapesControlCharacters() throws Exception {
        String text = "line1\nline2\ttab \"quoted\" back\\slash \u0001\u001b é ✓ 😀";
        String json = serialize(new JsonSerializeNode(false, false), new TextPacket(text, null)).get(0);

        assertEquals("{\"Text\":\"line1\\nline2\\ttab \\\"quoted\\\" back\\\\slash \\u0001\\u001b é ✓ 😀\"}", json);
        assertTrue(json.chars().noneMatch(c -> c < 0x20));
        assertParses(json);
    }

    @Test
    void writesNanSamplesAsNull() throws Exception {
        float[] samples = new float[480];
        Random random = new Random(7);
        for (int i = 0; i < samples.length; i++) samples[i] = (float) Math.sin(i * 0.1) * random.nextFloat();
        samples[3] = Float.NaN;
        samples[9] = Float.NEGATIVE_INFINITY;

        String json = serialize(new JsonSerializeNode(false, false), new AudioFrame(48_000, 1, samples, null)).get(0);

        assertParses(json);
        assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
        String[] values = json.substring(json.indexOf('[') + 1, json.indexOf(']')).split(",");
        assertEquals(480, values.length);
        assertEquals("null", values[3]);
        assertEquals("null", values[9]);
        assertEquals(samples[4], Float.parseFloat(values[4]));
    }

    @Test
    void newlineDelimitedEndsEachDocumentWithOneNewline() throws Exception {
        var node = new JsonSerializeNode(false, true);
        var custom = new CustomPacket("x/event@1", "{\n  \"multi\": [1,\n 2]\n}", null);

        List<String> docs = serialize(node, new TextPacket("a\nb", null), custom);

        assertEquals(List.of("{\"Text\":\"a\\nb\"}\n",
                "{\"Custom\":{\"type_id\":\"x/event@1\",\"encoding\":\"json\",\"data\":{\"multi\":[1,2]},\"metadata\":null}}\n"),
                docs);
    }

    @Test
    void prettyModeIndentsWithTwoSpaces() throws Exception {
        var custom = new CustomPacket("x/event@1", "{\"a\":[1,2]}", PacketMetadata.timed(5, 6));

        String json = serialize(new JsonSerializeNode(true, false), custom).get(0);

        assertEquals("""
                {
                  "Custom": {
                    "type_id": "x/event@1",
                    "encoding": "json",
                    "data": {
                      "a": [
                        1,
                        2
                      ]
                    },
                    "metadata": {
                      "timestamp_us": 5,
                      "duration_us": 6,
                      "sequence": null
                    }
                  }
                }""", json);
    }

    @Test
    void prettyNewlineDelimitedEndsWithNewline() throws Exception {
        String json = serialize(new JsonSerializeNode(true, true), new TextPacket("hi", null)).get(0);
        assertEquals("{\n  \"Text\": \"hi\"\n}\n", json);
    }

    @Test
    void failsWithInvalidMediaOnMalformedCustomData() throws Exception {
        var out = new RecordingOutputs();

        new JsonSerializeNode(false, false).onPacket("in", new CustomPacket("x/y@1", "{oops}", null), out);

        assertTrue(out.sent().isEmpty());
        assertEquals(NodeException.Cause.INVALID_MEDIA, out.failure().failureCause());
    }

    @Test
    void finishesAtEndOfInput() throws Exception {
        var out = new RecordingOutputs();
        new JsonSerializeNode(false, false).onInputEnd("in", out);
        assertTrue(out.finished());
    }
}

package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.CustomPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.api.packet.TextPacket;
import dev.streamkit.api.packet.TranscriptionPacket;
import dev.streamkit.api.packet.TranscriptionPacket.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The externally tagged forms of StreamKit compat spec §2.2. */
class PacketJsonTest {

    private static String json(Packet packet) {
        JsonWriter writer = new JsonWriter(false);
        PacketJson.write(packet, writer);
        return writer.toJson();
    }

    @Test
    void writesText() {
        assertEquals("{\"Text\":\"hi\"}", json(new TextPacket("hi", PacketMetadata.timed(1, 2))));
    }

    @Test
    void writesAudioWithNonFiniteSamplesAsNull() {
        var frame = new AudioFrame(48_000, 2, new float[] {0.5f, Float.NaN, -0.25f, Float.POSITIVE_INFINITY},
                PacketMetadata.timed(1000, 20));
        assertEquals("{\"Audio\":{\"sample_rate\":48000,\"channels\":2,\"samples\":[0.5,null,-0.25,null],"
                + "\"metadata\":{\"timestamp_us\":1000,\"duration_us\":20,\"sequence\":null}}}", json(frame));
    }

    @Test
    void writesTranscriptionWithOptionalFieldsAsNull() {
        var transcription = new TranscriptionPacket("hello world",
                List.of(new Segment("hello", 0, 500, 0.9), new Segment("world", 500, 1000, null)), null, null);
        assertEquals("{\"Transcription\":{\"text\":\"hello world\",\"segments\":["
                + "{\"text\":\"hello\",\"start_time_ms\":0,\"end_time_ms\":500,\"confidence\":0.9},"
                + "{\"text\":\"world\",\"start_time_ms\":500,\"end_time_ms\":1000,\"confidence\":null}],"
                + "\"language\":null,\"metadata\":null}}", json(transcription));
    }

    @Test
    void embedsCustomDataAsJson() {
        var event = new CustomPacket("plugin::native::vad/vad-event@1",
                "{ \"event_type\" : \"speech_start\",\n \"timestamp_ms\": 120, \"duration_ms\": null }",
                new PacketMetadata(5L, null, 7L));
        assertEquals("{\"Custom\":{\"type_id\":\"plugin::native::vad/vad-event@1\",\"encoding\":\"json\","
                + "\"data\":{\"event_type\":\"speech_start\",\"timestamp_ms\":120,\"duration_ms\":null},"
                + "\"metadata\":{\"timestamp_us\":5,\"duration_us\":null,\"sequence\":7}}}", json(event));
    }

    @Test
    void rejectsCustomDataThatIsNotJson() {
        var broken = new CustomPacket("x/y@1", "{\"a\":", null);
        assertThrows(IllegalArgumentException.class, () -> json(broken));
    }

    @Test
    void writesBinaryAsBase64() {
        var binary = new BinaryPacket(new byte[] {0, 1, 2, (byte) 0xff}, "audio/ogg", PacketMetadata.NONE);
        assertEquals("{\"Binary\":{\"data\":\"AAEC/w==\",\"content_type\":\"audio/ogg\",\"metadata\":null}}", json(binary));
        assertEquals("{\"Binary\":{\"data\":\"\",\"content_type\":null,\"metadata\":null}}", json(BinaryPacket.of(new byte[0])));
    }
}

package dev.streamkit.api.packet;

import static dev.streamkit.api.packet.PacketType.canConnect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PacketTypeTest {

    @Test
    void anyMatchesEverythingOnEitherSide() {
        assertTrue(canConnect(PacketType.ANY, PacketType.OPUS_AUDIO));
        assertTrue(canConnect(PacketType.rawAudio(48000, 2), PacketType.ANY));
    }

    @Test
    void rawAudioFieldsMatchWhenEqualOrWildcard() {
        assertTrue(canConnect(PacketType.rawAudio(48000, 1), PacketType.rawAudio(48000, 1)));
        assertTrue(canConnect(PacketType.rawAudio(48000, 1), PacketType.rawAudio(0, 0)));
        assertTrue(canConnect(PacketType.rawAudio(0, 2), PacketType.rawAudio(16000, 2)));
        assertFalse(canConnect(PacketType.rawAudio(48000, 1), PacketType.rawAudio(16000, 1)));
        assertFalse(canConnect(PacketType.rawAudio(48000, 1), PacketType.rawAudio(48000, 2)));
        assertFalse(canConnect(PacketType.rawAudio(48000, 1, SampleFormat.S16_LE), PacketType.rawAudio(48000, 1)));
    }

    @Test
    void otherKindsMatchExactly() {
        assertTrue(canConnect(PacketType.BINARY, PacketType.BINARY));
        assertFalse(canConnect(PacketType.BINARY, PacketType.OPUS_AUDIO));
        assertFalse(canConnect(PacketType.TEXT, PacketType.TRANSCRIPTION));
        assertTrue(canConnect(PacketType.custom("a/b@1"), PacketType.custom("a/b@1")));
        assertFalse(canConnect(PacketType.custom("a/b@1"), PacketType.custom("a/b@2")));
        assertFalse(canConnect(PacketType.PASSTHROUGH, PacketType.BINARY));
    }

    @Test
    void serializesAsStreamKitExternallyTaggedJson() {
        assertEquals("OpusAudio", PacketType.OPUS_AUDIO.toJson());
        assertEquals(Map.of("RawAudio", Map.of("sample_rate", 48000, "channels", 0, "sample_format", "F32")),
                PacketType.rawAudio(48000, 0).toJson());
        assertEquals(Map.of("Custom", Map.of("type_id", "core::telemetry/event@1")),
                PacketType.custom("core::telemetry/event@1").toJson());
        assertEquals("RawAudio(48000Hz, *ch, F32)", PacketType.rawAudio(48000, 0).toString());
    }
}

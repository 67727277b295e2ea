package dev.streamkit.api.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamkit.api.packet.PacketType;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputPinTest {

    /** Asserts which of {@code names} {@code pin} admits: exactly {@code admitted}, in order. */
    private static void assertAdmits(OutputPin pin, List<String> admitted, List<String> names) {
        assertEquals(admitted, names.stream().filter(pin::admits).toList(), pin.name());
    }

    @Test
    void aFamilyAdmitsTheNamesItsPatternMatches() {
        OutputPin tracks = OutputPin.family("*/*", PacketType.OPUS_AUDIO);
        // a wildcard stands for one or more characters and crosses no slash; the pattern itself names no pin
        assertAdmits(tracks, List.of("audio/data", "video/hd"),
                List.of("audio/data", "video/hd", "audio", "cam/audio/data", "/data", "*/*"));
        assertEquals(true, tracks.isFamily());
        assertEquals(Cardinality.BROADCAST, tracks.cardinality(), "each pin of the family is a broadcast output");
    }

    @Test
    void literalPartsOfAPatternMatchThemselvesOnly() {
        assertAdmits(OutputPin.family("cam.input/*/*", PacketType.OPUS_AUDIO), List.of("cam.input/audio/data"),
                List.of("cam.input/audio/data", "camXinput/audio/data", "input/audio/data"));
    }

    @Test
    void aPlainPinAdmitsItsOwnNameAndAFamilyNeedsAWildcard() {
        OutputPin out = OutputPin.broadcast("out", PacketType.BINARY);
        assertAdmits(out, List.of("out"), List.of("out", "out/x", "ou"));
        assertEquals(false, out.isFamily());
        assertThrows(IllegalArgumentException.class, () -> OutputPin.family("audio/data", PacketType.BINARY));
    }
}

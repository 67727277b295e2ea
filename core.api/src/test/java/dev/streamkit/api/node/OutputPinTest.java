package dev.streamkit.api.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.packet.PacketType;
import org.junit.jupiter.api.Test;

class OutputPinTest {

    @Test
    void aFamilyAdmitsTheNamesItsPatternMatches() {
        OutputPin tracks = OutputPin.family("*/*", PacketType.OPUS_AUDIO);
        assertTrue(tracks.isFamily());
        assertTrue(tracks.admits("audio/data"));
        assertTrue(tracks.admits("video/hd"));
        assertFalse(tracks.admits("audio"), "a wildcard stands for one segment, so one slash is needed");
        assertFalse(tracks.admits("cam/audio/data"), "a wildcard does not cross a slash");
        assertFalse(tracks.admits("/data"), "a wildcard stands for at least one character");
        assertFalse(tracks.admits("*/*"), "the pattern itself names no pin");
        assertEquals(Cardinality.BROADCAST, tracks.cardinality(), "each pin of the family is a broadcast output");
    }

    @Test
    void literalPartsOfAPatternMatchThemselvesOnly() {
        OutputPin prefixed = OutputPin.family("cam.input/*/*", PacketType.OPUS_AUDIO);
        assertTrue(prefixed.admits("cam.input/audio/data"));
        assertFalse(prefixed.admits("camXinput/audio/data"), "a dot is no regular-expression wildcard");
        assertFalse(prefixed.admits("input/audio/data"));
    }

    @Test
    void aPlainPinAdmitsItsOwnNameAndAFamilyNeedsAWildcard() {
        OutputPin out = OutputPin.broadcast("out", PacketType.BINARY);
        assertFalse(out.isFamily());
        assertTrue(out.admits("out"));
        assertFalse(out.admits("out/x"));
        assertThrows(IllegalArgumentException.class, () -> OutputPin.family("audio/data", PacketType.BINARY));
    }
}

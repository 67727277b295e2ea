package dev.streamkit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowlistTest {

    @Test
    void emptyDeniesEverything() {
        assertSame(Allowlist.NONE, Allowlist.of(List.of()));
        assertFalse(Allowlist.NONE.allows(""));
        assertFalse(Allowlist.NONE.allows("audio::gain"));
    }

    @Test
    void starAllowsEverything() {
        assertTrue(Allowlist.ALL.allows("plugin::native::whisper"));
        assertTrue(Allowlist.ALL.allows(""));
    }

    @Test
    void anyPatternSuffices() {
        Allowlist nodes = Allowlist.of("audio::*", "core::sink");
        assertTrue(nodes.allows("audio::mixer"));
        assertTrue(nodes.allows("core::sink"));
        assertFalse(nodes.allows("core::file_writer"));
        assertEquals(List.of("audio::*", "core::sink"), nodes.patterns());
        assertEquals(Allowlist.of("audio::*", "core::sink"), nodes);
    }
}

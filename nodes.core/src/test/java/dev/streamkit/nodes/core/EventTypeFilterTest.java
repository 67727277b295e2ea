package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypeFilterTest {

    @Test
    void emptyFilterMatchesEverything() {
        EventTypeFilter filter = EventTypeFilter.of(List.of());
        assertTrue(filter.matches("anything"));
        assertTrue(filter.matches("vad.speech_start"));
    }

    @Test
    void trailingStarIsAPrefixOtherPatternsAreExact() {
        EventTypeFilter filter = EventTypeFilter.of(List.of("vad.*", "stt.result", "tts*"));
        assertTrue(filter.matches("vad.speech_start"));
        assertTrue(filter.matches("vad.speech_end"));
        assertTrue(filter.matches("stt.result"));
        assertTrue(filter.matches("tts.start"));
        assertFalse(filter.matches("stt.result.partial"));
        assertFalse(filter.matches("llm.response"));
    }
}

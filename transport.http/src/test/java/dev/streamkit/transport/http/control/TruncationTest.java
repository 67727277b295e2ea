package dev.streamkit.transport.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TruncationTest {

    @Test
    void cutsLongStringsAndListsAnywhereInsideAndKeepsTheRest() {
        Truncation truncation = new Truncation(4, 3);
        List<Object> numbers = new ArrayList<>(Collections.nCopies(10, 1));
        Object cut = truncation.apply(Map.of("text", "abcdefgh", "list", numbers, "inner", Map.of("gain", 2.0, "s", "ok")));
        assertEquals(Map.of("text", "abcd" + Truncation.TRUNCATED, "list", List.of(1, 1, 1),
                "inner", Map.of("gain", 2.0, "s", "ok")), cut);
    }

    @Test
    void countsCodePointsNotChars() {
        String emoji = "\uD83D\uDE00".repeat(5);
        assertEquals("\uD83D\uDE00".repeat(4) + Truncation.TRUNCATED, new Truncation(4, 3).apply(emoji));
    }
}

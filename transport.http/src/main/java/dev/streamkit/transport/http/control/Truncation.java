package dev.streamkit.transport.http.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Caps what an event echoes to the control sockets: strings longer than a limit are cut to that many code
 * points followed by {@value #TRUNCATED}, lists longer than a limit keep their first items, maps and lists
 * are followed. A node's chatty telemetry or a huge tuned param thus cannot flood every socket.
 *
 * @param maxChars longest string kept whole, in code points
 * @param maxItems longest list kept whole
 */
record Truncation(int maxChars, int maxItems) {

    static final String TRUNCATED = "...[truncated]";

    /** {@code value} with every string and list inside it cut to the limits. */
    Object apply(Object value) {
        if (value instanceof String text) {
            if (text.length() <= maxChars || text.codePointCount(0, text.length()) <= maxChars) return text;
            return text.substring(0, text.offsetByCodePoints(0, maxChars)) + TRUNCATED;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, apply(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(Math.min(list.size(), maxItems));
            for (Object item : list) {
                if (copy.size() == maxItems) break;
                copy.add(apply(item));
            }
            return copy;
        }
        return value;
    }
}

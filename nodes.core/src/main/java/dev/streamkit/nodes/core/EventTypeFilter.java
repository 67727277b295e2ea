package dev.streamkit.nodes.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code event_type_filter} of the telemetry nodes: a list of patterns, any of which lets an event
 * type through. A pattern ending in {@code *} is a prefix ({@code vad.*} and {@code vad*} both match
 * {@code vad.speech_start}, as in StreamKit, where {@code .*} is dropped before the prefix test); any other
 * pattern must equal the event type. No patterns lets everything through.
 */
final class EventTypeFilter {

    private final List<String> exact;
    private final List<String> prefixes;

    private EventTypeFilter(List<String> exact, List<String> prefixes) {
        this.exact = exact;
        this.prefixes = prefixes;
    }

    static EventTypeFilter of(List<String> patterns) {
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String pattern : patterns) {
            if (pattern.endsWith(".*")) prefixes.add(pattern.substring(0, pattern.length() - 2));
            else if (pattern.endsWith("*")) prefixes.add(pattern.substring(0, pattern.length() - 1));
            else exact.add(pattern);
        }
        return new EventTypeFilter(List.copyOf(exact), List.copyOf(prefixes));
    }

    boolean matches(String eventType) {
        if (exact.isEmpty() && prefixes.isEmpty()) return true;
        return exact.contains(eventType) || prefixes.stream().anyMatch(eventType::startsWith);
    }
}

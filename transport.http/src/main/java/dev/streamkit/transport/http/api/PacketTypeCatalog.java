package dev.streamkit.transport.http.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/schema/packets}: each packet type's label, colour, display template and
 * compatibility rule, as StreamKit's UI expects them.
 */
public final class PacketTypeCatalog {

    private PacketTypeCatalog() {
    }

    /** The catalog, in StreamKit's order. */
    public static List<Map<String, Object>> entries() {
        Map<String, Object> exact = Map.of("kind", "exact");
        return List.of(
                entry("Any", "Any", "#96ceb4", null, Map.of("kind", "any")),
                entry("Binary", "Binary", "#45b7d1", null, exact),
                entry("Text", "Text", "#4ecdc4", null, exact),
                entry("OpusAudio", "Opus Audio", "#ff6b6b", null, exact),
                entry("RawAudio", "Raw Audio", "#f39c12", "Raw Audio ({sample_rate|*}Hz, {channels|*}ch, {sample_format})",
                        Map.of("kind", "structfieldwildcard", "fields", List.of(
                                Map.of("name", "sample_rate", "wildcard_value", 0),
                                Map.of("name", "channels", "wildcard_value", 0),
                                Map.of("name", "sample_format")))),
                entry("Transcription", "Transcription", "#9b59b6", null, exact),
                entry("Custom", "Custom", "#e67e22", "Custom ({type_id})",
                        Map.of("kind", "structfieldwildcard", "fields", List.of(Map.of("name", "type_id")))));
    }

    private static Map<String, Object> entry(String id, String label, String color, String template,
                                             Map<String, Object> compatibility) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("label", label);
        entry.put("color", color);
        if (template != null) entry.put("display_template", template);
        entry.put("compatibility", compatibility);
        return entry;
    }
}

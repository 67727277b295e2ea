package dev.streamkit.moq.hang;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A hang catalog: the broadcast's renditions by track name.
 *
 * @param audio         audio renditions by track name (e.g. {@code audio/data}), in catalog order
 * @param audioPriority the audio section's delivery priority, or {@code null}
 * @param video         video renditions by track name (e.g. {@code video/hd}), in catalog order
 */
public record Catalog(Map<String, AudioRendition> audio, Integer audioPriority, Map<String, VideoRendition> video) {

    public Catalog {
        audio = Collections.unmodifiableMap(new LinkedHashMap<>(audio));
        video = Collections.unmodifiableMap(new LinkedHashMap<>(video));
    }

    /** A catalog with one audio rendition and a priority. */
    public static Catalog audio(String track, AudioRendition rendition, int priority) {
        return new Catalog(Map.of(track, rendition), priority, Map.of());
    }
}

package dev.streamkit.moq.hang;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes hang's {@code catalog.json} (one JSON object per group of the catalog track).
 *
 * <p>Read: the current shape {@code {"audio":{"renditions":{name:{codec,container,sampleRate,...}}},
 * "video":{"renditions":{...}}}} and the old one {@code {"audio":{"track":{"name"},"config":{...}}}} (video: an
 * array of those). Unknown root sections and fields are ignored; a missing {@code container} means legacy.
 *
 * <p>Write: {@code {"audio":{"renditions":{...},"priority":N}}}, with {@code container} {@code {"kind":...}}.
 *
 * <p>NOTE: checked against the schemas of {@code @moq/hang} 0.3.5 and 0.2.16 (the one {@code @moq/publish}
 * uses): both accept what is written here, default a missing {@code container} to {@code {"kind":"legacy"}},
 * and drop the section-level {@code priority} (StreamKit's own field); 0.3.5 turns an unknown container kind
 * into "unknown" and ignores that rendition, and {@code cmaf} needs a base64 {@code init}. The container is
 * written anyway so that stricter readers see it.
 */
public final class HangCatalog {

    /** The catalog track's name. */
    public static final String TRACK = "catalog.json";
    /** The legacy container kind. */
    public static final String LEGACY = "legacy";
    /** The largest catalog accepted, in bytes. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(MAX_BYTES).maxNumberLength(32).build());
    }

    private HangCatalog() {
    }

    /** Parses one catalog frame. */
    public static Catalog parse(byte[] json) throws CatalogException {
        if (json.length > MAX_BYTES) {
            throw new CatalogException("catalog of " + json.length + " bytes exceeds " + MAX_BYTES);
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new CatalogException("catalog is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CatalogException("catalog is not a JSON object");
        }
        Map<String, AudioRendition> audio = new LinkedHashMap<>();
        Integer audioPriority = null;
        JsonNode audioNode = root.get("audio");
        if (audioNode != null && !audioNode.isNull()) {
            for (Map.Entry<String, JsonNode> entry : renditions(audioNode, "audio").entrySet()) {
                audio.put(entry.getKey(), audioRendition(entry.getValue(), entry.getKey()));
            }
            JsonNode priority = audioNode.get("priority");
            audioPriority = priority != null && priority.canConvertToInt() ? priority.intValue() : null;
        }
        Map<String, VideoRendition> video = new LinkedHashMap<>();
        JsonNode videoNode = root.get("video");
        if (videoNode != null && !videoNode.isNull()) {
            for (Map.Entry<String, JsonNode> entry : renditions(videoNode, "video").entrySet()) {
                video.put(entry.getKey(), videoRendition(entry.getValue(), entry.getKey()));
            }
        }
        return new Catalog(audio, audioPriority, video);
    }

    /** Writes {@code catalog} in the current shape. */
    public static byte[] write(Catalog catalog) {
        ObjectNode root = JSON.createObjectNode();
        if (!catalog.audio().isEmpty()) {
            ObjectNode section = root.putObject("audio");
            ObjectNode renditions = section.putObject("renditions");
            catalog.audio().forEach((name, rendition) -> writeAudio(renditions.putObject(name), rendition));
            if (catalog.audioPriority() != null) {
                section.put("priority", catalog.audioPriority());
            }
        }
        if (!catalog.video().isEmpty()) {
            ObjectNode renditions = root.putObject("video").putObject("renditions");
            catalog.video().forEach((name, rendition) -> writeVideo(renditions.putObject(name), rendition));
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog could not be written", e);
        }
    }

    private static Map<String, JsonNode> renditions(JsonNode section, String kind) throws CatalogException {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        if (section.isArray()) {
            for (JsonNode old : section) {
                addOldShape(old, kind, byName);
            }
            return byName;
        }
        if (!section.isObject()) {
            throw new CatalogException(kind + " section is not an object");
        }
        JsonNode renditions = section.get("renditions");
        if (renditions == null) {
            addOldShape(section, kind, byName);
            return byName;
        }
        if (!renditions.isObject()) {
            throw new CatalogException(kind + ".renditions is not an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = renditions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            byName.put(entry.getKey(), entry.getValue());
        }
        return byName;
    }

    private static void addOldShape(JsonNode old, String kind, Map<String, JsonNode> byName) throws CatalogException {
        JsonNode name = old.path("track").path("name");
        JsonNode config = old.get("config");
        if (!name.isTextual() || config == null || !config.isObject()) {
            throw new CatalogException(kind + " has neither renditions nor {track, config}");
        }
        byName.put(name.textValue(), config);
    }

    private static AudioRendition audioRendition(JsonNode node, String name) throws CatalogException {
        String where = "audio rendition " + name;
        return new AudioRendition(text(node, "codec", where), integer(node, "sampleRate", where),
                integer(node, "numberOfChannels", where), optionalLong(node, "bitrate"), container(node, where),
                optionalText(node, "description"), optionalLong(node, "jitter"));
    }

    private static VideoRendition videoRendition(JsonNode node, String name) throws CatalogException {
        String where = "video rendition " + name;
        JsonNode framerate = node.get("framerate");
        Long width = optionalLong(node, "codedWidth");
        Long height = optionalLong(node, "codedHeight");
        return new VideoRendition(text(node, "codec", where), container(node, where),
                width == null ? null : width.intValue(), height == null ? null : height.intValue(),
                framerate != null && framerate.isNumber() ? framerate.doubleValue() : null,
                optionalLong(node, "bitrate"), optionalText(node, "description"));
    }

    private static String container(JsonNode node, String where) throws CatalogException {
        JsonNode container = node.get("container");
        if (container == null || container.isNull()) {
            return LEGACY;
        }
        JsonNode kind = container.isTextual() ? container : container.get("kind");
        if (kind == null || !kind.isTextual()) {
            throw new CatalogException(where + ": container has no kind");
        }
        return kind.textValue();
    }

    private static void writeAudio(ObjectNode node, AudioRendition rendition) {
        node.put("codec", rendition.codec());
        node.put("sampleRate", rendition.sampleRate());
        node.put("numberOfChannels", rendition.numberOfChannels());
        putIfPresent(node, "bitrate", rendition.bitrate());
        putIfPresent(node, "jitter", rendition.jitter());
        if (rendition.description() != null) {
            node.put("description", rendition.description());
        }
        node.putObject("container").put("kind", rendition.container());
    }

    private static void writeVideo(ObjectNode node, VideoRendition rendition) {
        node.put("codec", rendition.codec());
        putIfPresent(node, "codedWidth", rendition.codedWidth() == null ? null : (long) rendition.codedWidth());
        putIfPresent(node, "codedHeight", rendition.codedHeight() == null ? null : (long) rendition.codedHeight());
        if (rendition.framerate() != null) {
            node.put("framerate", rendition.framerate());
        }
        putIfPresent(node, "bitrate", rendition.bitrate());
        if (rendition.description() != null) {
            node.put("description", rendition.description());
        }
        node.putObject("container").put("kind", rendition.container());
    }

    private static void putIfPresent(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String text(JsonNode node, String field, String where) throws CatalogException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new CatalogException(where + ": " + field + " is missing or not a string");
        }
        return value.textValue();
    }

    private static int integer(JsonNode node, String field, String where) throws CatalogException {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
            throw new CatalogException(where + ": " + field + " is missing or not a non-negative integer");
        }
        return value.intValue();
    }

    private static Long optionalLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isIntegralNumber() && value.canConvertToLong() ? value.longValue() : null;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}

package dev.streamkit.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a {@link ServerConfig} the way StreamKit does: embedded defaults, then the TOML file (a missing
 * file is not an error), then environment variables {@code SK_<SECTION>__<KEY>} (nested sections joined
 * by {@code __}, e.g. {@code SK_ENGINE__ONESHOT__MEDIA_CHANNEL_CAPACITY=64}). Environment values are
 * read as TOML values when they parse as one ({@code true}, {@code 8}, {@code ["a", "b"]}) and as
 * strings otherwise. Stateless and thread-safe.
 */
public final class ConfigLoader {

    private static final String ENV_PREFIX = "SK_";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TomlMapper TOML = TomlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ConfigLoader() {
    }

    /**
     * Loads the configuration.
     *
     * @param file the TOML file, or {@code null}; a file that does not exist is skipped
     * @param env  the environment (usually {@link System#getenv()})
     * @throws ConfigException when the file is not valid TOML or a value has the wrong type
     */
    public static ServerConfig load(Path file, Map<String, String> env) throws ConfigException {
        ObjectNode tree = JSON.valueToTree(new ServerConfig());
        if (file != null && Files.isRegularFile(file)) {
            try {
                merge(tree, TOML.readTree(file.toFile()));
            } catch (IOException e) {
                throw new ConfigException("Cannot read config file " + file + ": " + firstLine(e.getMessage()), e);
            }
        }
        applyEnvironment(tree, env);
        try {
            return JSON.treeToValue(tree, ServerConfig.class);
        } catch (JacksonException e) {
            throw new ConfigException("Invalid configuration: " + firstLine(e.getOriginalMessage()), e);
        }
    }

    /** The embedded defaults as a {@code skit.toml} document ({@code skit config default}). */
    public static String defaultsAsToml() {
        return TomlWriter.write(JSON.valueToTree(new ServerConfig()));
    }

    private static void merge(ObjectNode target, JsonNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
                merge(existingObject, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void applyEnvironment(ObjectNode tree, Map<String, String> env) throws ConfigException {
        // Sorted so that overrides apply in a stable order.
        for (Map.Entry<String, String> entry : new TreeMap<>(env).entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith(ENV_PREFIX) || !name.contains("__")) continue;
            String[] path = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).split("__");
            ObjectNode section = tree;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = section.get(path[i]);
                if (!(child instanceof ObjectNode)) {
                    child = section.putObject(path[i]);
                }
                section = (ObjectNode) child;
            }
            section.set(path[path.length - 1], parseValue(entry.getValue()));
        }
    }

    private static JsonNode parseValue(String raw) {
        try {
            JsonNode parsed = TOML.readTree("v = " + raw).get("v");
            if (parsed != null) return parsed;
        } catch (IOException notToml) {
            // Not a TOML literal: take the text as it is.
        }
        return TextNode.valueOf(raw);
    }

    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

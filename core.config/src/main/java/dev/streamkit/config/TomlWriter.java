package dev.streamkit.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders a configuration tree as TOML the way people write {@code skit.toml}: plain keys first, then one
 * {@code [section]} / {@code [section.sub]} table per nested object. Scalars and arrays only; nulls are
 * omitted (TOML has none).
 */
final class TomlWriter {

    private TomlWriter() {
    }

    static String write(ObjectNode root) {
        StringBuilder out = new StringBuilder();
        writeTable(out, "", root);
        return out.toString();
    }

    private static void writeTable(StringBuilder out, String path, ObjectNode table) {
        boolean header = !path.isEmpty();
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isObject() || field.getValue().isNull()) continue;
            if (header) {
                out.append(out.length() == 0 ? "" : "\n").append('[').append(path).append("]\n");
                header = false;
            }
            out.append(field.getKey()).append(" = ").append(value(field.getValue())).append('\n');
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue() instanceof ObjectNode child) {
                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (child.isEmpty()) {
                    out.append(out.length() == 0 ? "" : "\n").append('[').append(childPath).append("]\n");
                }
                writeTable(out, childPath, child);
            }
        }
    }

    private static String value(JsonNode node) {
        if (node.isTextual()) return quote(node.asText());
        if (node.isArray()) {
            StringBuilder array = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) array.append(i == 0 ? "" : ", ").append(value(node.get(i)));
            return array.append(']').toString();
        }
        return node.toString();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) quoted.append(String.format("\\u%04x", (int) c));
                    else quoted.append(c);
                }
            }
        }
        return quoted.append('"').toString();
    }
}

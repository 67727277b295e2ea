package dev.streamkit.api.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParamSchemaTest {

    @Test
    void publishesJsonSchemaWithTunableFlags() {
        ParamSchema schema = ParamSchema.builder()
                .param("gain", ParamSpec.number().range(0, 4).defaultValue(1.0).tunable().describe("Linear gain"))
                .param("bitrate", ParamSpec.integer().range(6000, 510000).multipleOf(1000).unit("bit/s"))
                .required("path", ParamSpec.string())
                .param("limit", ParamSpec.integer().nullable())
                .build();
        Map<String, Object> json = schema.toJsonSchema();
        assertEquals("object", json.get("type"));
        assertEquals(List.of("path"), json.get("required"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) json.get("properties");
        assertEquals(Map.of("type", "number", "description", "Linear gain", "minimum", 0.0, "maximum", 4.0,
                "default", 1.0, "tunable", true), properties.get("gain"));
        assertEquals(6000L, properties.get("bitrate").get("minimum"));
        assertEquals(List.of("integer", "null"), properties.get("limit").get("type"));
        assertEquals(Set.of("gain"), schema.tunableNames());
        assertEquals(Map.of(), ParamSchema.NONE.toJsonSchema());
    }
}

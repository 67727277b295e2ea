package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReformatterTest {

    private static String compact(String json) {
        JsonWriter writer = new JsonWriter(false);
        JsonReformatter.copy(json, writer);
        return writer.toJson();
    }

    @Test
    void removesInsignificantWhitespaceAndKeepsTokens() {
        String input = " {\n \"a\" : [1, -2.5e3 ,true,false,null, \"x\\u00e9\\\" \\n\"] ,\t\"b\":{ }, \"c\": [ ]}\r\n";
        assertEquals("{\"a\":[1,-2.5e3,true,false,null,\"x\\u00e9\\\" \\n\"],\"b\":{},\"c\":[]}", compact(input));
    }

    @Test
    void reindentsWhenPretty() {
        JsonWriter writer = new JsonWriter(true);
        JsonReformatter.copy("{\"a\":[1,{\"b\":2}]}", writer);
        assertEquals("{\n  \"a\": [\n    1,\n    {\n      \"b\": 2\n    }\n  ]\n}", writer.toJson());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"42|42", "\"s\"|\"s\"", "null|null", "-0.5E+2|-0.5E+2", "'  [ ]  '|[]"})
    void copiesTopLevelScalarsAndContainers(String input, String expected) {
        assertEquals(expected, compact(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "}", "[1,]", "[1 2]", "[1]]", "{\"a\" 1}", "{1:2}", "{\"a\":1,}",
        "{\"a\":}", "tru", "01", "1.", ".5", "+1", "NaN", "\"open", "\"bad \\x escape\"", "\"\\u12g4\"",
        "\"raw \u0001 control\"", "{} {}", "[\"a\":1]"})
    void rejectsMalformedDocuments(String input) {
        assertThrows(IllegalArgumentException.class, () -> compact(input));
    }

    @Test
    void limitsNestingDepth() {
        int max = JsonReformatter.MAX_DEPTH;
        assertEquals("[".repeat(max) + "]".repeat(max), compact("[".repeat(max) + "]".repeat(max)));
        assertThrows(IllegalArgumentException.class, () -> compact("[".repeat(max + 1) + "]".repeat(max + 1)));
    }
}

package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesCompactDocument() {
        String json = new JsonWriter(false).beginObject()
                .name("a").beginArray().integer(1).string("x").bool(true).nullValue().endArray()
                .name("b").beginObject().endObject()
                .endObject().toJson();
        assertEquals("{\"a\":[1,\"x\",true,null],\"b\":{}}", json);
    }

    @Test
    void prettyPrintsLikeSerdeJson() {
        String json = new JsonWriter(true).beginObject()
                .name("a").beginArray().integer(1).integer(2).endArray()
                .name("empty").beginArray().endArray()
                .name("o").beginObject().name("k").nullValue().endObject()
                .endObject().toJson();
        assertEquals("""
                {
                  "a": [
                    1,
                    2
                  ],
                  "empty": [],
                  "o": {
                    "k": null
                  }
                }""", json);
    }

    @Test
    void writesNonFiniteFloatsAsNull() {
        String json = new JsonWriter(false).beginArray()
                .decimal(Float.NaN).decimal(Float.POSITIVE_INFINITY).decimal(Float.NEGATIVE_INFINITY)
                .decimal(0.1f).decimal(-2.5f).decimal(1e-7f)
                .endArray().toJson();
        assertEquals("[null,null,null,0.1,-2.5,1.0E-7]", json);
    }

    @Test
    void escapesControlCharactersQuotesAndBackslashes() {
        String json = new JsonWriter(false).string("q\" b\\ \b\f\n\r\t \u0000\u001f \u007f / é 😀").toJson();
        assertEquals("\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0000\\u001f \u007f / é 😀\"", json);
    }

    @Test
    void escapesLoneSurrogatesButKeepsPairs() {
        String json = new JsonWriter(false).string("\uD800x\uDC00\uD83D\uDE00\uDBFF").toJson();
        assertEquals("\"\\ud800x\\udc00\uD83D\uDE00\\udbff\"", json);
    }

    @Test
    void writesNullForAbsentOptionalValues() {
        String json = new JsonWriter(false).beginArray().string(null).integerOrNull(null).integerOrNull(7L)
                .endArray().toJson();
        assertEquals("[null,null,7]", json);
    }

    @Test
    void rejectsValueWithoutNameInsideObject() {
        JsonWriter json = new JsonWriter(false).beginObject();
        assertThrows(IllegalStateException.class, () -> json.integer(1));
    }

    @Test
    void rejectsNameOutsideObject() {
        JsonWriter json = new JsonWriter(false).beginArray();
        assertThrows(IllegalStateException.class, () -> json.name("a"));
    }

    @Test
    void rejectsMismatchedClose() {
        JsonWriter json = new JsonWriter(false).beginArray();
        assertThrows(IllegalStateException.class, json::endObject);
    }

    @Test
    void rejectsIncompleteDocument() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter(false).toJson());
        assertThrows(IllegalStateException.class, () -> new JsonWriter(false).beginObject().toJson());
    }

    @Test
    void rejectsSecondTopLevelValue() {
        JsonWriter json = new JsonWriter(false).integer(1);
        assertThrows(IllegalStateException.class, () -> json.integer(2));
    }
}

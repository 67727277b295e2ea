package dev.streamkit.nodes.core;

import java.util.regex.Pattern;

/**
 * Re-emits a JSON document through a {@link JsonWriter}, checking its syntax on the way. Custom packets
 * carry their payload as JSON text; passing it through the writer (rather than pasting it) keeps pretty
 * output indented throughout and NDJSON output on one line, and keeps a malformed payload from corrupting
 * the document around it.
 *
 * <p>Scalars are copied verbatim: strings keep their escapes, numbers their spelling. Nesting deeper than
 * {@value #MAX_DEPTH} levels is rejected, as serde_json does, so hostile input cannot exhaust the stack.
 */
final class JsonReformatter {

    static final int MAX_DEPTH = 128;

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final String text;
    private final JsonWriter out;
    private int pos;

    private JsonReformatter(String text, JsonWriter out) {
        this.text = text;
        this.out = out;
    }

    /**
     * Writes the single JSON value in {@code json} to {@code out} as the writer's next value.
     *
     * @throws IllegalArgumentException if {@code json} is not exactly one well-formed JSON value
     */
    static void copy(String json, JsonWriter out) {
        JsonReformatter reformatter = new JsonReformatter(json, out);
        reformatter.value(0);
        reformatter.skipWhitespace();
        if (reformatter.pos < json.length()) throw reformatter.error("trailing characters");
    }

    private void value(int depth) {
        skipWhitespace();
        if (pos == text.length()) throw error("value expected");
        switch (text.charAt(pos)) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> out.rawScalar(stringToken());
            default -> out.rawScalar(literalToken());
        }
    }

    private void object(int depth) {
        enter(depth);
        out.beginObject();
        if (!consume('}')) {
            do {
                skipWhitespace();
                if (pos == text.length() || text.charAt(pos) != '"') throw error("member name expected");
                out.rawName(stringToken());
                expect(':');
                value(depth);
            } while (consume(','));
            expect('}');
        }
        out.endObject();
    }

    private void array(int depth) {
        enter(depth);
        out.beginArray();
        if (!consume(']')) {
            do {
                value(depth);
            } while (consume(','));
            expect(']');
        }
        out.endArray();
    }

    private void enter(int depth) {
        if (depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH + " levels");
        pos++;
    }

    /** Scans a string token starting at the opening quote; returns it with quotes and escapes intact. */
    private String stringToken() {
        int start = pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') return text.substring(start, pos);
            if (c < 0x20) throw error("control character in string");
            if (c == '\\') escape();
        }
        throw error("unterminated string");
    }

    private void escape() {
        if (pos == text.length()) throw error("unterminated escape");
        char c = text.charAt(pos++);
        if ("\"\\/bfnrt".indexOf(c) >= 0) return;
        if (c != 'u' || pos + 4 > text.length()) throw error("invalid escape");
        for (int end = pos + 4; pos < end; pos++) {
            if (Character.digit(text.charAt(pos), 16) < 0) throw error("invalid unicode escape");
        }
    }

    private String literalToken() {
        int start = pos;
        while (pos < text.length() && " \t\n\r,:[]{}\"".indexOf(text.charAt(pos)) < 0) pos++;
        String token = text.substring(start, pos);
        boolean valid = token.equals("true") || token.equals("false") || token.equals("null")
                || NUMBER.matcher(token).matches();
        if (!valid) {
            pos = start;
            throw error("invalid literal");
        }
        return token;
    }

    private boolean consume(char c) {
        skipWhitespace();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) throw error("'" + c + "' expected");
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) pos++;
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("invalid JSON at offset " + pos + ": " + problem);
    }
}

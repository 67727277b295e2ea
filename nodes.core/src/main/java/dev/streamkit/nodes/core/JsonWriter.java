package dev.streamkit.nodes.core;

import java.util.Arrays;

/**
 * Builds one JSON document, compact or pretty-printed the way serde_json prints it (two-space indent,
 * {@code ": "} after names, empty containers as {@code {}} and {@code []}), so that StreamKit clients
 * see the same layout.
 *
 * <p>Strings are escaped as serde_json does: quote and backslash, the short forms for backspace, form
 * feed, newline, carriage return and tab, other control characters as a lowercase six-character
 * {@code u00XX} escape; other characters are written as is. NOTE: a lone UTF-16 surrogate cannot be
 * encoded as UTF-8, so it is written as such an escape instead of being silently replaced. Non-finite
 * floats are written as {@code null}, as serde_json does.
 *
 * <p>Misuse (a value without a name inside an object, unbalanced containers, two top-level values)
 * throws {@link IllegalStateException}. Not thread-safe; one writer per document.
 */
final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;
    /** Per open container: its opening bracket, and whether it already holds a member. */
    private char[] openers = new char[8];
    private boolean[] nonEmpty = new boolean[8];
    private int depth;
    private boolean nameWritten;
    private boolean rootWritten;

    JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    JsonWriter beginObject() {
        return open('{');
    }

    JsonWriter endObject() {
        return close('{', '}');
    }

    JsonWriter beginArray() {
        return open('[');
    }

    JsonWriter endArray() {
        return close('[', ']');
    }

    /** Writes a member name; the next call must write its value. */
    JsonWriter name(String name) {
        startName();
        quote(name);
        return endName();
    }

    /** Writes a string, or {@code null} when {@code value} is null. */
    JsonWriter string(String value) {
        if (value == null) return nullValue();
        startValue();
        quote(value);
        return this;
    }

    JsonWriter integer(long value) {
        startValue();
        out.append(value);
        return this;
    }

    /** Writes a number, or {@code null} when {@code value} is null. */
    JsonWriter integerOrNull(Long value) {
        return value == null ? nullValue() : integer(value);
    }

    /** Writes the shortest decimal that reads back as {@code value}; NaN and infinities become {@code null}. */
    JsonWriter decimal(float value) {
        if (!Float.isFinite(value)) return nullValue();
        startValue();
        out.append(value);
        return this;
    }

    JsonWriter bool(boolean value) {
        startValue();
        out.append(value);
        return this;
    }

    JsonWriter nullValue() {
        startValue();
        out.append("null");
        return this;
    }

    /** Writes a scalar token (string with quotes, number or literal) that the caller already validated. */
    JsonWriter rawScalar(CharSequence token) {
        startValue();
        out.append(token);
        return this;
    }

    /** Writes a member name given as an already validated, quoted and escaped string token. */
    JsonWriter rawName(CharSequence quotedToken) {
        startName();
        out.append(quotedToken);
        return endName();
    }

    /** The finished document. */
    String toJson() {
        if (depth > 0 || !rootWritten) throw new IllegalStateException("JSON document is incomplete");
        return out.toString();
    }

    private JsonWriter open(char opener) {
        startValue();
        out.append(opener);
        if (depth == openers.length) {
            openers = Arrays.copyOf(openers, depth * 2);
            nonEmpty = Arrays.copyOf(nonEmpty, depth * 2);
        }
        openers[depth] = opener;
        nonEmpty[depth] = false;
        depth++;
        return this;
    }

    private JsonWriter close(char opener, char closer) {
        if (depth == 0 || openers[depth - 1] != opener || nameWritten) {
            throw new IllegalStateException("unbalanced '" + closer + "'");
        }
        depth--;
        if (nonEmpty[depth]) newlineAndIndent();
        out.append(closer);
        return this;
    }

    private void startName() {
        if (depth == 0 || openers[depth - 1] != '{' || nameWritten) {
            throw new IllegalStateException("a member name is only allowed directly inside an object");
        }
        startMember();
    }

    private JsonWriter endName() {
        out.append(pretty ? ": " : ":");
        nameWritten = true;
        return this;
    }

    private void startValue() {
        if (nameWritten) {
            nameWritten = false;
        } else if (depth == 0) {
            if (rootWritten) throw new IllegalStateException("a JSON document holds one top-level value");
            rootWritten = true;
        } else if (openers[depth - 1] == '{') {
            throw new IllegalStateException("a value inside an object needs a name");
        } else {
            startMember();
        }
    }

    private void startMember() {
        if (nonEmpty[depth - 1]) out.append(',');
        nonEmpty[depth - 1] = true;
        newlineAndIndent();
    }

    private void newlineAndIndent() {
        if (!pretty) return;
        out.append('\n');
        for (int i = 0; i < depth; i++) out.append("  ");
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) unicodeEscape(c);
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }

    private void unicodeEscape(char c) {
        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        return false;
    }
}

package dev.streamkit.api.node;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's parameters: a read-only view of the JSON object given in the pipeline, already validated
 * against the kind's {@link ParamSchema} by the engine. Values are JSON values: {@link Number},
 * {@link String}, {@link Boolean}, {@link Map}, {@link List} or {@code null}.
 */
public final class Params {

    /** No parameters given. */
    public static final Params EMPTY = new Params(Map.of(), false);

    private final Map<String, Object> values;
    private final boolean given;

    private Params(Map<String, Object> values, boolean given) {
        this.values = values;
        this.given = given;
    }

    /** Wraps a params object; {@code null} means the pipeline gave no {@code params} at all. */
    public static Params of(Map<String, ?> values) {
        if (values == null) return EMPTY;
        return new Params(Collections.unmodifiableMap(new LinkedHashMap<>(values)), true);
    }

    /** Whether the pipeline gave a {@code params} object (even an empty one). */
    public boolean given() {
        return given;
    }

    /** Whether {@code name} is present with a non-null value. */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** The raw value, or {@code null}. */
    public Object get(String name) {
        return values.get(name);
    }

    public double getDouble(String name, double fallback) {
        return values.get(name) instanceof Number n ? n.doubleValue() : fallback;
    }

    public long getLong(String name, long fallback) {
        return values.get(name) instanceof Number n ? n.longValue() : fallback;
    }

    public int getInt(String name, int fallback) {
        return values.get(name) instanceof Number n ? (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n.longValue())) : fallback;
    }

    public boolean getBoolean(String name, boolean fallback) {
        return values.get(name) instanceof Boolean b ? b : fallback;
    }

    public String getString(String name, String fallback) {
        return values.get(name) instanceof String s ? s : fallback;
    }

    /** All values, read-only. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

package dev.streamkit.api.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The declaration of one node parameter: type, bounds, allowed values, default, unit and whether it can
 * be tuned while the node runs. Immutable; built fluently from {@link #number()}, {@link #integer()},
 * {@link #string()}, {@link #bool()}, {@link #object()} or {@link #array()}.
 *
 * <pre>
 *   ParamSpec.number().range(0, 4).defaultValue(1.0).tunable().describe("Linear gain factor")
 * </pre>
 */
public final class ParamSpec {

    private final ParamType type;
    private final String description;
    private final Double minimum;
    private final Double maximum;
    private final Double multipleOf;
    private final List<Object> allowedValues;
    private final Object defaultValue;
    private final boolean nullable;
    private final boolean tunable;
    private final String unit;

    private ParamSpec(ParamType type, String description, Double minimum, Double maximum, Double multipleOf,
                      List<Object> allowedValues, Object defaultValue, boolean nullable, boolean tunable, String unit) {
        this.type = Objects.requireNonNull(type);
        this.description = description;
        this.minimum = minimum;
        this.maximum = maximum;
        this.multipleOf = multipleOf;
        this.allowedValues = allowedValues;
        this.defaultValue = defaultValue;
        this.nullable = nullable;
        this.tunable = tunable;
        this.unit = unit;
    }

    private static ParamSpec of(ParamType type) {
        return new ParamSpec(type, null, null, null, null, null, null, false, false, null);
    }

    public static ParamSpec number() { return of(ParamType.NUMBER); }

    public static ParamSpec integer() { return of(ParamType.INTEGER); }

    public static ParamSpec string() { return of(ParamType.STRING); }

    public static ParamSpec bool() { return of(ParamType.BOOLEAN); }

    public static ParamSpec object() { return of(ParamType.OBJECT); }

    public static ParamSpec array() { return of(ParamType.ARRAY); }

    /** Inclusive lower and upper bounds for numbers. */
    public ParamSpec range(double min, double max) {
        return new ParamSpec(type, description, min, max, multipleOf, allowedValues, defaultValue, nullable, tunable, unit);
    }

    /** Inclusive lower bound for numbers. */
    public ParamSpec min(double min) {
        return new ParamSpec(type, description, min, maximum, multipleOf, allowedValues, defaultValue, nullable, tunable, unit);
    }

    /** The value must be an integral multiple of {@code step}. */
    public ParamSpec multipleOf(double step) {
        return new ParamSpec(type, description, minimum, maximum, step, allowedValues, defaultValue, nullable, tunable, unit);
    }

    /** The value must be one of {@code values} (JSON Schema {@code enum}). */
    public ParamSpec oneOf(Object... values) {
        return new ParamSpec(type, description, minimum, maximum, multipleOf, List.of(values), defaultValue, nullable, tunable, unit);
    }

    public ParamSpec defaultValue(Object value) {
        return new ParamSpec(type, description, minimum, maximum, multipleOf, allowedValues, value, nullable, tunable, unit);
    }

    /** {@code null} is accepted as a value (meaning "unset"). */
    public ParamSpec nullable() {
        return new ParamSpec(type, description, minimum, maximum, multipleOf, allowedValues, defaultValue, true, tunable, unit);
    }

    /** The parameter may be changed while the node runs ({@code "tunable": true} in the schema). */
    public ParamSpec tunable() {
        return new ParamSpec(type, description, minimum, maximum, multipleOf, allowedValues, defaultValue, nullable, true, unit);
    }

    public ParamSpec unit(String unitName) {
        return new ParamSpec(type, description, minimum, maximum, multipleOf, allowedValues, defaultValue, nullable, tunable, unitName);
    }

    public ParamSpec describe(String text) {
        return new ParamSpec(type, text, minimum, maximum, multipleOf, allowedValues, defaultValue, nullable, tunable, unit);
    }

    public ParamType type() { return type; }

    public String description() { return description; }

    public Double minimum() { return minimum; }

    public Double maximum() { return maximum; }

    public Double multipleOfStep() { return multipleOf; }

    /** Allowed values, or {@code null} when any value of the type is allowed. */
    public List<Object> allowedValues() { return allowedValues; }

    public Object defaultValue() { return defaultValue; }

    public boolean isNullable() { return nullable; }

    public boolean isTunable() { return tunable; }

    public String unit() { return unit; }

    /** This declaration as a JSON Schema (draft 2020-12) property object. */
    public Map<String, Object> toJsonSchema() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", nullable ? List.of(type.jsonName(), "null") : type.jsonName());
        if (description != null) json.put("description", description);
        if (minimum != null) json.put("minimum", jsonNumber(minimum));
        if (maximum != null) json.put("maximum", jsonNumber(maximum));
        if (multipleOf != null) json.put("multipleOf", jsonNumber(multipleOf));
        if (allowedValues != null) json.put("enum", allowedValues);
        if (defaultValue != null) json.put("default", defaultValue);
        if (unit != null) json.put("unit", unit);
        if (tunable) json.put("tunable", true);
        return json;
    }

    private Object jsonNumber(double value) {
        return type == ParamType.INTEGER && value == Math.rint(value) ? (Object) (long) value : (Object) value;
    }
}

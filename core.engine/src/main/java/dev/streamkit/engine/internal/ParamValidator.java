package dev.streamkit.engine.internal;

import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.engine.PipelineException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Checks a node's params against its kind's {@link ParamSchema} before the node exists: known keys,
 * types, bounds, allowed values, required keys. A failure names the node and the field:
 * {@code Invalid params for node 'g' (audio::gain): field 'gain' must be between 0 and 4, got 5}.
 *
 * <p>Unlike StreamKit, which ignores them, unknown keys are refused ({@code unknown field 'gian' (known
 * fields: gain)}): a misspelt param would otherwise silently run with its default. Keys that StreamKit's
 * own samples pass are declared by the node kinds that take them.
 */
public final class ParamValidator {

    private ParamValidator() {
    }

    /** Throws a {@link PipelineException.Kind#CONFIGURATION} error for the first problem found. */
    public static void validate(String nodeId, String kind, Map<String, Object> params, ParamSchema schema)
            throws PipelineException {
        String problem = firstProblem(params, schema);
        if (problem != null) {
            throw new PipelineException(PipelineException.Kind.CONFIGURATION,
                    "Invalid params for node '" + nodeId + "' (" + kind + "): " + problem);
        }
    }

    /** The first problem as text, or {@code null} when the params fit the schema. */
    public static String firstProblem(Map<String, Object> params, ParamSchema schema) {
        for (String name : schema.required()) {
            if (params == null || params.get(name) == null) return "missing required field '" + name + "'";
        }
        if (params == null) return null;
        for (String name : params.keySet()) {
            if (!schema.properties().containsKey(name)) return unknownField(name, schema);
        }
        for (Map.Entry<String, ParamSpec> entry : schema.properties().entrySet()) {
            if (!params.containsKey(entry.getKey())) continue;
            String problem = check(params.get(entry.getKey()), entry.getValue());
            if (problem != null) return "field '" + entry.getKey() + "' " + problem;
        }
        return null;
    }

    private static String unknownField(String name, ParamSchema schema) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        if (schema.properties().isEmpty()) return "unknown field '" + shown + "' (this kind takes no params)";
        return "unknown field '" + shown + "' (known fields: " + String.join(", ", schema.properties().keySet()) + ")";
    }

    private static String check(Object value, ParamSpec spec) {
        if (value == null) return spec.isNullable() ? null : "must not be null";
        String typeProblem = switch (spec.type()) {
            case NUMBER -> value instanceof Number n && Double.isFinite(n.doubleValue()) ? null : "must be a finite number";
            case INTEGER -> isInteger(value) ? null : "must be an integer";
            case STRING -> value instanceof String ? null : "must be a string";
            case BOOLEAN -> value instanceof Boolean ? null : "must be a boolean";
            case OBJECT -> value instanceof Map ? null : "must be an object";
            case ARRAY -> value instanceof List ? null : "must be an array";
        };
        if (typeProblem != null) return typeProblem + ", got " + describe(value);
        if (value instanceof Number number) {
            String rangeProblem = checkRange(number.doubleValue(), spec);
            if (rangeProblem != null) return rangeProblem + ", got " + describe(value);
        }
        if (spec.allowedValues() != null && spec.allowedValues().stream().noneMatch(allowed -> sameValue(allowed, value))) {
            return "must be one of " + spec.allowedValues() + ", got " + describe(value);
        }
        return null;
    }

    private static String checkRange(double value, ParamSpec spec) {
        Double min = spec.minimum();
        Double max = spec.maximum();
        if (min != null && max != null && (value < min || value > max)) {
            return "must be between " + plain(min) + " and " + plain(max);
        }
        if (min != null && value < min) return "must be at least " + plain(min);
        if (max != null && value > max) return "must be at most " + plain(max);
        Double step = spec.multipleOfStep();
        if (step != null && step > 0 && Math.abs(value / step - Math.rint(value / step)) > 1e-9) {
            return "must be a multiple of " + plain(step);
        }
        return null;
    }

    private static boolean isInteger(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) return true;
        if (value instanceof BigInteger big) return big.bitLength() < 64;
        if (value instanceof BigDecimal decimal) return decimal.stripTrailingZeros().scale() <= 0;
        return value instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 9.0e15;
    }

    private static boolean sameValue(Object allowed, Object value) {
        if (allowed instanceof Number a && value instanceof Number b) return a.doubleValue() == b.doubleValue();
        return allowed.equals(value);
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static String describe(Object value) {
        if (value instanceof String s) return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        if (value instanceof Number n) return n instanceof Double || n instanceof Float ? plain(n.doubleValue()) : n.toString();
        if (value instanceof Map) return "an object";
        if (value instanceof List) return "an array";
        return String.valueOf(value);
    }
}

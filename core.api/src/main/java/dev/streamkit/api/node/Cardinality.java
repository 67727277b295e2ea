package dev.streamkit.api.node;

import java.util.Map;
import java.util.Objects;

/**
 * How many connections a pin takes.
 *
 * <ul>
 *   <li>{@link #ONE}: an input fed by exactly one connection;</li>
 *   <li>{@link #BROADCAST}: an output whose packets go to every connected input;</li>
 *   <li>{@link #dynamic(String)}: a family of inputs created on demand ({@code in_0}, {@code in_1}, ...);
 *       a requested pin name belongs to the family when it equals the prefix or starts with
 *       {@code prefix + "_"}.</li>
 * </ul>
 */
public final class Cardinality {

    public static final Cardinality ONE = new Cardinality("One", null);
    public static final Cardinality BROADCAST = new Cardinality("Broadcast", null);

    private final String name;
    private final String dynamicPrefix;

    private Cardinality(String name, String dynamicPrefix) {
        this.name = name;
        this.dynamicPrefix = dynamicPrefix;
    }

    /** A dynamic family of pins named {@code prefix_N}. */
    public static Cardinality dynamic(String prefix) {
        return new Cardinality("Dynamic", Objects.requireNonNull(prefix));
    }

    /** Whether this is a dynamic family. */
    public boolean isDynamic() {
        return dynamicPrefix != null;
    }

    /** The dynamic family's prefix, or {@code null}. */
    public String dynamicPrefix() {
        return dynamicPrefix;
    }

    /** Whether {@code pinName} belongs to this dynamic family (always false for fixed cardinalities). */
    public boolean admits(String pinName) {
        return dynamicPrefix != null && (pinName.equals(dynamicPrefix) || pinName.startsWith(dynamicPrefix + "_"));
    }

    /** StreamKit's JSON: {@code "One"}, {@code "Broadcast"} or {@code {"Dynamic": {"prefix": "in"}}}. */
    public Object toJson() {
        return isDynamic() ? Map.of("Dynamic", Map.of("prefix", dynamicPrefix)) : name;
    }

    @Override
    public String toString() {
        return isDynamic() ? "Dynamic(" + dynamicPrefix + ")" : name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cardinality c && c.name.equals(name) && Objects.equals(c.dynamicPrefix, dynamicPrefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dynamicPrefix);
    }
}

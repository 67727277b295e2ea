package dev.streamkit.api.node;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters a node kind takes: an ordered set of named {@link ParamSpec}s and which of them are
 * required. Published as a JSON Schema object ({@link #toJsonSchema()}); the engine validates every
 * node's params against it before the node is created, so a node never sees a wrongly typed or
 * out-of-range value. Keys the schema does not declare are refused (StreamKit ignores them).
 */
public final class ParamSchema {

    /** A schema with no parameters. */
    public static final ParamSchema NONE = new ParamSchema(Map.of(), Set.of());

    private final Map<String, ParamSpec> properties;
    private final Set<String> required;

    private ParamSchema(Map<String, ParamSpec> properties, Set<String> required) {
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.required = Collections.unmodifiableSet(new LinkedHashSet<>(required));
    }

    /** Starts a schema. */
    public static Builder builder() {
        return new Builder();
    }

    /** Declared parameters by name, in declaration order. */
    public Map<String, ParamSpec> properties() {
        return properties;
    }

    /** Names of the parameters that must be present. */
    public Set<String> required() {
        return required;
    }

    /** The names of the parameters that can be changed while the node runs. */
    public Set<String> tunableNames() {
        Set<String> names = new LinkedHashSet<>();
        properties.forEach((name, spec) -> {
            if (spec.isTunable()) names.add(name);
        });
        return names;
    }

    /** The schema as JSON Schema (draft 2020-12); {@code {}} when the node takes no parameters. */
    public Map<String, Object> toJsonSchema() {
        if (properties.isEmpty()) return Map.of();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        json.put("type", "object");
        Map<String, Object> props = new LinkedHashMap<>();
        properties.forEach((name, spec) -> props.put(name, spec.toJsonSchema()));
        json.put("properties", props);
        if (!required.isEmpty()) json.put("required", List.copyOf(required));
        return json;
    }

    /** Accumulates parameter declarations. */
    public static final class Builder {
        private final Map<String, ParamSpec> properties = new LinkedHashMap<>();
        private final Set<String> required = new LinkedHashSet<>();

        private Builder() {
        }

        /** Declares an optional parameter. */
        public Builder param(String name, ParamSpec spec) {
            properties.put(name, spec);
            return this;
        }

        /** Declares a parameter that must be present. */
        public Builder required(String name, ParamSpec spec) {
            properties.put(name, spec);
            required.add(name);
            return this;
        }

        public ParamSchema build() {
            return new ParamSchema(properties, required);
        }
    }
}

package dev.streamkit.api.node;

import java.util.List;
import java.util.Objects;

/**
 * What a node kind is: its kind name ({@code audio::gain}), a description, its parameters, its default
 * pins, UI categories and whether it may close a cycle (bidirectional transports only).
 */
public record NodeDefinition(String kind, String description, ParamSchema params, List<InputPin> inputs,
                             List<OutputPin> outputs, List<String> categories, boolean bidirectional) {

    public NodeDefinition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(params, "params");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        categories = List.copyOf(categories);
    }

    /** Starts a definition of {@code kind}. */
    public static Builder builder(String kind) {
        return new Builder(kind);
    }

    /** Fluent builder; pins and categories accumulate in call order. */
    public static final class Builder {
        private final String kind;
        private String description;
        private ParamSchema params = ParamSchema.NONE;
        private final java.util.ArrayList<InputPin> inputs = new java.util.ArrayList<>();
        private final java.util.ArrayList<OutputPin> outputs = new java.util.ArrayList<>();
        private List<String> categories = List.of();
        private boolean bidirectional;

        private Builder(String kind) {
            this.kind = kind;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder params(ParamSchema schema) {
            this.params = schema;
            return this;
        }

        public Builder input(InputPin pin) {
            inputs.add(pin);
            return this;
        }

        public Builder output(OutputPin pin) {
            outputs.add(pin);
            return this;
        }

        public Builder categories(String... names) {
            this.categories = List.of(names);
            return this;
        }

        public Builder bidirectional() {
            this.bidirectional = true;
            return this;
        }

        public NodeDefinition build() {
            return new NodeDefinition(kind, description, params, inputs, outputs, categories, bidirectional);
        }
    }
}

package dev.streamkit.api.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a node kind is: its kind name ({@code audio::gain}), a description, its parameters, its default
 * pins, UI categories, and what it needs from the engine. The engine never names kinds: it reads these
 * needs instead.
 *
 * <ul>
 *   <li>{@link #bidirectional}: the node may close a cycle (a transport that both receives and sends); in
 *       live sessions it is started ({@link Node#onStart}) even when it has inputs;</li>
 *   <li>{@link #oneshotOnly}: the node exists only inside a oneshot request; sessions refuse the kind;</li>
 *   <li>{@link #readPathParams} / {@link #writePathParams}: params naming a file the node reads or writes,
 *       checked against the server's file policy when the node is planned and when a tune changes them;</li>
 *   <li>{@link #inputCountParam}: the param fixing how many numbered inputs ({@code in_0..in_N-1}) the node
 *       has; a non-dynamic YAML pipeline that gives the node several {@code needs} without it gets it set to
 *       their count.</li>
 * </ul>
 *
 * @param inputCountParam the param fixing the number of inputs, or {@code null}
 */
public record NodeDefinition(String kind, String description, ParamSchema params, List<InputPin> inputs,
                             List<OutputPin> outputs, List<String> categories, boolean bidirectional,
                             boolean oneshotOnly, List<String> readPathParams, List<String> writePathParams,
                             String inputCountParam) {

    public NodeDefinition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(params, "params");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        categories = List.copyOf(categories);
        readPathParams = List.copyOf(readPathParams);
        writePathParams = List.copyOf(writePathParams);
    }

    /** A definition with no needs beyond {@code bidirectional} (the shape of API 1.1). */
    public NodeDefinition(String kind, String description, ParamSchema params, List<InputPin> inputs,
                          List<OutputPin> outputs, List<String> categories, boolean bidirectional) {
        this(kind, description, params, inputs, outputs, categories, bidirectional, false, List.of(), List.of(), null);
    }

    /** Starts a definition of {@code kind}. */
    public static Builder builder(String kind) {
        return new Builder(kind);
    }

    /** Fluent builder; pins, categories and path params accumulate in call order. */
    public static final class Builder {
        private final String kind;
        private String description;
        private ParamSchema params = ParamSchema.NONE;
        private final List<InputPin> inputs = new ArrayList<>();
        private final List<OutputPin> outputs = new ArrayList<>();
        private List<String> categories = List.of();
        private boolean bidirectional;
        private boolean oneshotOnly;
        private final List<String> readPathParams = new ArrayList<>();
        private final List<String> writePathParams = new ArrayList<>();
        private String inputCountParam;

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

        /** The node may close a cycle in a pipeline (a transport that both receives and sends). */
        public Builder bidirectional() {
            this.bidirectional = true;
            return this;
        }

        /** The node exists only inside a oneshot request: sessions refuse the kind. */
        public Builder oneshotOnly() {
            this.oneshotOnly = true;
            return this;
        }

        /**
         * The string param {@code name} is a path the node reads: it must pass the read file policy
         * ({@code security.allowed_file_paths}) when the node is planned and whenever a tune sets it.
         */
        public Builder readPathParam(String name) {
            readPathParams.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * The string param {@code name} is a path the node writes: it must pass the write file policy
         * ({@code security.allowed_write_paths}) when the node is planned and whenever a tune sets it.
         */
        public Builder writePathParam(String name) {
            writePathParams.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * The integer param {@code name} fixes how many numbered inputs ({@code in_0..in_N-1}) the node has.
         * When a non-dynamic YAML pipeline lists several {@code needs} for the node and leaves the param
         * unset, the compiler sets it to their count (StreamKit's mixer rule).
         */
        public Builder inputCountParam(String name) {
            this.inputCountParam = Objects.requireNonNull(name, "name");
            return this;
        }

        public NodeDefinition build() {
            return new NodeDefinition(kind, description, params, inputs, outputs, categories, bidirectional,
                    oneshotOnly, readPathParams, writePathParams, inputCountParam);
        }
    }
}

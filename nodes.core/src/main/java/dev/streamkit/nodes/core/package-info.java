/**
 * The {@code core::*} node kinds: {@code passthrough}, {@code sink}, {@code file_reader},
 * {@code file_writer}, {@code json_serialize}, {@code pacer}, {@code text_chunker}, {@code telemetry_out}
 * and {@code telemetry_tap}. Each kind is a plain {@code Node} class plus a small Declarative Services
 * factory that publishes its {@code NodeDefinition}. Private to this bundle.
 */
package dev.streamkit.nodes.core;

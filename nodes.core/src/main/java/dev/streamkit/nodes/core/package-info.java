/**
 * The {@code core::*} node kinds: {@code passthrough}, {@code sink}, {@code file_reader},
 * {@code json_serialize} and {@code pacer}. Each kind is a plain {@code Node} class plus a small Declarative Services
 * factory that publishes its {@code NodeDefinition}. Private to this bundle.
 */
package dev.streamkit.nodes.core;

package dev.streamkit.nodes.core;

import dev.streamkit.api.node.Node;

/**
 * {@code core::sink}: discards every packet. The inherited {@link Node#onInputEnd} finishes the node when
 * its input ends, so a sink terminates side branches without holding the pipeline open.
 */
final class SinkNode implements Node {
}

package dev.streamkit.nodes.codecs.assets;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.Packet;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a straight chain of nodes on the calling thread, without the engine: each node's output feeds the
 * next one's {@code in} pin, and the last node's packets are collected. For build-time tools only.
 */
final class NodeChain {

    private NodeChain() {
    }

    /** Feeds {@code input} through {@code nodes} and returns what the last node emitted. */
    static List<Packet> run(List<Node> nodes, List<? extends Packet> input) throws Exception {
        List<Packet> collected = new ArrayList<>();
        Outputs sink = new Link(null, collected);
        for (int i = nodes.size() - 1; i >= 0; i--) sink = new Link(nodes.get(i), sink);
        Link first = (Link) sink;
        try {
            for (Packet packet : input) first.deliver(packet);
            first.end();
        } finally {
            nodes.forEach(Node::close);
        }
        if (first.failure != null) throw first.failure;
        return collected;
    }

    /** The outputs of one node: forwards to the next node, or collects at the end of the chain. */
    private static final class Link implements Outputs {
        private final Node node;
        private final Outputs next;
        private final List<Packet> collected;
        private NodeException failure;

        Link(Node node, Outputs next) {
            this.node = node;
            this.next = next;
            this.collected = null;
        }

        Link(Node node, List<Packet> collected) {
            this.node = node;
            this.next = null;
            this.collected = collected;
        }

        void deliver(Packet packet) throws Exception {
            if (node == null) collected.add(packet);
            else node.onPacket("in", packet, this);
        }

        void end() throws Exception {
            if (node != null) node.onInputEnd("in", this);
        }

        @Override
        public void send(String outputPin, Packet packet) {
            try {
                ((Link) next).deliver(packet);
            } catch (Exception e) {
                fail(NodeException.runtime(e.getMessage(), e));
            }
        }

        @Override
        public void finish() {
            try {
                ((Link) next).end();
            } catch (Exception e) {
                fail(NodeException.runtime(e.getMessage(), e));
            }
        }

        @Override
        public void fail(NodeException error) {
            if (failure == null) failure = error;
            throw new IllegalStateException(error.getMessage(), error);
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}

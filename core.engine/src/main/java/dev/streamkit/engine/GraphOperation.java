package dev.streamkit.engine;

import dev.streamkit.api.pipeline.ConnectionMode;
import java.util.Map;

/**
 * One change to a running session's graph (StreamKit's {@code BatchOperation}, tagged by {@code action}).
 * Used by {@link Session#validateBatch} and {@link Session#applyBatch}.
 */
public sealed interface GraphOperation {

    /** The operation's {@code action} name: {@code addnode}, {@code removenode}, {@code connect}, {@code disconnect}. */
    String action();

    /** Adds node {@code nodeId} of {@code kind}; {@code params} may be {@code null}. */
    record AddNode(String nodeId, String kind, Map<String, Object> params) implements GraphOperation {
        @Override
        public String action() {
            return "addnode";
        }
    }

    /** Removes node {@code nodeId} and every connection touching it. */
    record RemoveNode(String nodeId) implements GraphOperation {
        @Override
        public String action() {
            return "removenode";
        }
    }

    /** Connects an output pin to an input pin; a {@code null} mode means reliable. */
    record Connect(String fromNode, String fromPin, String toNode, String toPin, ConnectionMode mode)
            implements GraphOperation {
        @Override
        public String action() {
            return "connect";
        }
    }

    /** Removes the connection between the two pins, whatever its mode. */
    record Disconnect(String fromNode, String fromPin, String toNode, String toPin) implements GraphOperation {
        @Override
        public String action() {
            return "disconnect";
        }
    }
}

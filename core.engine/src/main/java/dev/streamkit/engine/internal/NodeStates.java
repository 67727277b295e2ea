package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeState;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lifecycle states of one session's nodes. Every change is reported to the session's listeners as a
 * {@code nodestatechanged} event, once: setting the state a node already has reports nothing.
 */
final class NodeStates {

    private final String sessionId;
    private final SessionEvents listeners;
    private final Map<String, NodeState> states = new ConcurrentHashMap<>();

    NodeStates(String sessionId, SessionEvents listeners) {
        this.sessionId = sessionId;
        this.listeners = listeners;
    }

    /** Records a node that is being created ({@code Initializing}), without an event. */
    void initializing(String nodeId) {
        states.put(nodeId, NodeState.INITIALIZING);
    }

    NodeState get(String nodeId) {
        return states.get(nodeId);
    }

    /** Sets a node's state and reports a change. */
    void set(String nodeId, NodeState state) {
        NodeState previous = states.put(nodeId, state);
        if (!state.equals(previous)) fire(nodeId, state);
    }

    /** Moves a node from {@code expected} to {@code next}, reporting it, when it still is in {@code expected}. */
    boolean transition(String nodeId, NodeState expected, NodeState next) {
        if (!states.replace(nodeId, expected, next)) return false;
        fire(nodeId, next);
        return true;
    }

    /** Whether the node ended ({@code Stopped} or {@code Failed}) or is unknown. */
    boolean ended(String nodeId) {
        NodeState state = states.get(nodeId);
        return state == null || state.kind() == NodeState.Kind.STOPPED || state.kind() == NodeState.Kind.FAILED;
    }

    /** Forgets a removed node. */
    void forget(String nodeId) {
        states.remove(nodeId);
    }

    /** The states of {@code ids}, in that order. */
    Map<String, NodeState> snapshot(Collection<String> ids) {
        Map<String, NodeState> ordered = new LinkedHashMap<>();
        for (String id : ids) ordered.put(id, states.get(id));
        return ordered;
    }

    private void fire(String nodeId, NodeState state) {
        listeners.fire(listener -> listener.nodeStateChanged(sessionId, nodeId, state));
    }
}

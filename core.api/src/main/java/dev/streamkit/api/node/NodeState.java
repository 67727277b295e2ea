package dev.streamkit.api.node;

import java.util.Map;
import java.util.Objects;

/**
 * A node's lifecycle state as StreamKit reports it:
 * {@code Initializing → Ready (sources) | Running → Recovering | Degraded → Failed}, any → {@code Stopped}.
 * JSON: unit states are strings ({@code "Running"}); others are single-key objects
 * ({@code {"Stopped": {"reason": "completed"}}}).
 */
public final class NodeState {

    /** The state names. */
    public enum Kind { INITIALIZING, READY, RUNNING, RECOVERING, DEGRADED, FAILED, STOPPED }

    public static final NodeState INITIALIZING = new NodeState(Kind.INITIALIZING, null);
    public static final NodeState READY = new NodeState(Kind.READY, null);
    public static final NodeState RUNNING = new NodeState(Kind.RUNNING, null);

    private final Kind kind;
    private final String reason;

    private NodeState(Kind kind, String reason) {
        this.kind = kind;
        this.reason = reason;
    }

    public static NodeState recovering(String reason) { return new NodeState(Kind.RECOVERING, reason); }

    public static NodeState degraded(String reason) { return new NodeState(Kind.DEGRADED, reason); }

    public static NodeState failed(String reason) { return new NodeState(Kind.FAILED, reason); }

    /** Stopped with a reason such as {@code completed}, {@code input_closed}, {@code shutdown}. */
    public static NodeState stopped(String reason) { return new NodeState(Kind.STOPPED, reason); }

    public Kind kind() { return kind; }

    /** The reason of a non-unit state, else {@code null}. */
    public String reason() { return reason; }

    /** StreamKit's JSON form. */
    public Object toJson() {
        String name = switch (kind) {
            case INITIALIZING -> "Initializing";
            case READY -> "Ready";
            case RUNNING -> "Running";
            case RECOVERING -> "Recovering";
            case DEGRADED -> "Degraded";
            case FAILED -> "Failed";
            case STOPPED -> "Stopped";
        };
        return reason == null ? name : Map.of(name, Map.of("reason", reason));
    }

    @Override
    public String toString() {
        return reason == null ? kind.name() : kind + "(" + reason + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeState s && s.kind == kind && Objects.equals(s.reason, reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, reason);
    }
}

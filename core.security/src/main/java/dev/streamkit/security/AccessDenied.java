package dev.streamkit.security;

/**
 * A request refused by RBAC, with StreamKit's message ({@code Permission denied: ...}). HTTP answers it
 * with 403 and the message as plain text; the control socket with {@code {action:"error", message}}.
 */
public final class AccessDenied extends Exception {

    private static final long serialVersionUID = 1L;

    private AccessDenied(String message) {
        super(message, null, false, false);
    }

    /** {@code Permission denied: cannot <action>}, e.g. {@code cannot tune nodes}. */
    public static AccessDenied cannot(String action) {
        return new AccessDenied("Permission denied: cannot " + action);
    }

    /** {@code Permission denied: you do not own this session}. */
    public static AccessDenied notOwner() {
        return new AccessDenied("Permission denied: you do not own this session");
    }

    /**
     * {@code Permission denied: unknown role '<name>'}, for a trusted role header naming no configured role;
     * a name over 64 characters is cut.
     */
    public static AccessDenied unknownRole(String name) {
        String shown = name.length() > 64 ? name.substring(0, 64) + "..." : name;
        return new AccessDenied("Permission denied: unknown role '" + shown + "'");
    }

    /** {@code Permission denied: node type '<kind>' not allowed}. */
    public static AccessDenied nodeKind(String kind) {
        return new AccessDenied("Permission denied: node type '" + kind + "' not allowed");
    }

    /** {@code Permission denied: plugin '<kind>' not allowed}. */
    public static AccessDenied plugin(String kind) {
        return new AccessDenied("Permission denied: plugin '" + kind + "' not allowed");
    }

    /** This denial naming the pipeline node it concerns: {@code <message> (node '<nodeId>')}. */
    public AccessDenied inNode(String nodeId) {
        return new AccessDenied(getMessage() + " (node '" + nodeId + "')");
    }
}

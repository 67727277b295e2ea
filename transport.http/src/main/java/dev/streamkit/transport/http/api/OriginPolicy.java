package dev.streamkit.transport.http.api;

import java.util.List;
import java.util.Set;

/**
 * StreamKit's origin check ({@code [server.cors].allowed_origins}): exact origins, {@code host:*} for any
 * numeric port, or {@code *} for all. Requests without an {@code Origin} header pass.
 */
public final class OriginPolicy {

    /** StreamKit's 403 text for a mutating request from an origin that is not allowed. */
    public static final String REFUSAL = "Origin not allowed (configure [server.cors].allowed_origins)";

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final List<String> allowed;

    public OriginPolicy(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Whether a request carrying {@code origin} (possibly {@code null}) may proceed. */
    public boolean allows(String origin) {
        if (origin == null) return true;
        for (String pattern : allowed) {
            if (pattern.equals("*") || pattern.equals(origin)) return true;
            if (pattern.endsWith(":*")) {
                String prefix = pattern.substring(0, pattern.length() - 1);
                if (origin.startsWith(prefix) && isPort(origin.substring(prefix.length()))) return true;
            }
        }
        return false;
    }

    /** Whether a request with {@code method} from {@code origin} is refused: a mutating method from a foreign origin. */
    public boolean refuses(String method, String origin) {
        return MUTATING.contains(method) && !allows(origin);
    }

    private static boolean isPort(String text) {
        if (text.isEmpty() || text.length() > 5) return false;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) return false;
        }
        return true;
    }
}

package dev.streamkit.quic.kwik;

import dev.streamkit.quic.WebTransportAcceptor;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The acceptors an endpoint knows, each with the path prefix it serves. A request path goes to the acceptor with
 * the longest prefix that matches it segment-wise ({@code /moq} matches {@code /moq} and {@code /moq/a}, not
 * {@code /moq2}; {@code /} matches every path). Safe for concurrent use: acceptors come and go as services.
 */
public final class AcceptorRegistry {

    private final Map<WebTransportAcceptor, String> prefixes = new ConcurrentHashMap<>();

    /** Adds {@code acceptor} for {@code prefix} (normalized: leading {@code /}, no trailing {@code /}). */
    public void add(WebTransportAcceptor acceptor, String prefix) {
        prefixes.put(acceptor, normalize(prefix));
    }

    /** Removes {@code acceptor}. */
    public void remove(WebTransportAcceptor acceptor) {
        prefixes.remove(acceptor);
    }

    /** The acceptor for {@code path}, if any. */
    public Optional<WebTransportAcceptor> find(String path) {
        WebTransportAcceptor best = null;
        int bestLength = -1;
        for (Map.Entry<WebTransportAcceptor, String> entry : prefixes.entrySet()) {
            String prefix = entry.getValue();
            if (matches(prefix, path) && prefix.length() > bestLength) {
                best = entry.getKey();
                bestLength = prefix.length();
            }
        }
        return Optional.ofNullable(best);
    }

    static boolean matches(String prefix, String path) {
        if (prefix.equals("/")) return true;
        return path.equals(prefix) || (path.startsWith(prefix) && path.charAt(prefix.length()) == '/');
    }

    static String normalize(String prefix) {
        String p = prefix == null ? "" : prefix.trim();
        if (!p.startsWith("/")) p = "/" + p;
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p;
    }
}

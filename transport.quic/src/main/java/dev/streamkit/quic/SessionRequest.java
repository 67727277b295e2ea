package dev.streamkit.quic;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * An incoming WebTransport request (extended CONNECT) before it is answered.
 *
 * @param path               the request path without the query, percent-decoding not applied
 * @param query              the query parameters, each name with its values in order (e.g. {@code jwt})
 * @param offeredProtocols   the subprotocols the client offered ({@code WT-Available-Protocols}), in its order
 * @param origin             the {@code Origin} header, or {@code null}
 * @param remoteAddress      the client's address
 */
public record SessionRequest(String path, Map<String, List<String>> query, List<String> offeredProtocols,
                             String origin, InetSocketAddress remoteAddress) {

    public SessionRequest {
        query = Map.copyOf(query);
        offeredProtocols = List.copyOf(offeredProtocols);
    }

    /** The first value of query parameter {@code name}, or {@code null}. */
    public String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}

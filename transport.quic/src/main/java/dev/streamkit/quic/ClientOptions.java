package dev.streamkit.quic;

import java.time.Duration;
import java.util.List;

/**
 * How a {@link WebTransportClient} connects.
 *
 * @param protocols          subprotocols to offer, in preference order (may be empty)
 * @param certificateHashes  lowercase hex SHA-256 of server certificates to accept without a CA chain; when
 *                           empty and {@code insecure} is false, the JDK's trust store decides
 * @param insecure           accept any server certificate (StreamKit's client nodes do; say so in the log)
 * @param connectTimeout     bound on the QUIC handshake plus the CONNECT exchange
 */
public record ClientOptions(List<String> protocols, List<String> certificateHashes, boolean insecure,
                            Duration connectTimeout) {

    public ClientOptions {
        protocols = List.copyOf(protocols);
        certificateHashes = List.copyOf(certificateHashes);
    }
}

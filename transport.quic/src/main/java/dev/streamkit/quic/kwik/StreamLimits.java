package dev.streamkit.quic.kwik;

import java.time.Duration;

/**
 * How many WebTransport streams the peer may have open at once on one connection (QUIC stream credit: further
 * streams wait at the peer, nothing queues here), and how much it may buffer in flight per stream and connection.
 *
 * @param bidirectional    concurrent peer-opened bidirectional WebTransport streams
 * @param unidirectional   concurrent peer-opened unidirectional WebTransport streams
 * @param streamBuffer     receive window of one stream, bytes
 * @param connectionBuffer receive window of the connection, bytes
 * @param openTimeout      how long opening a stream waits for the peer's stream credit before it fails
 */
public record StreamLimits(int bidirectional, int unidirectional, long streamBuffer, long connectionBuffer,
                           Duration openTimeout) {

    /** 100 streams each way, 1 MiB per stream, 8 MiB per connection, 10 s to get stream credit. */
    public static final StreamLimits DEFAULT = new StreamLimits(100, 100, 1 << 20, 8 << 20, Duration.ofSeconds(10));

    /** HTTP/3 itself uses one bidirectional stream (CONNECT) and three unidirectional ones (control, QPACK). */
    int quicBidirectional() {
        return bidirectional + 1;
    }

    int quicUnidirectional() {
        return unidirectional + 3;
    }
}

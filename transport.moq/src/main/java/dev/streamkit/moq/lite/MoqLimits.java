package dev.streamkit.moq.lite;

import dev.streamkit.moq.session.TrackBounds;
import java.time.Duration;

/**
 * Per-session bounds. Exceeding any of them closes that session (only) with code 11 (bounds exceeded) or 27
 * (frame too large), except {@code maxSubscriptions} on this side's own subscribing, which fails just that
 * subscription.
 *
 * @param maxStreams       peer streams handled at once (bidi and uni together)
 * @param maxAnnounces     broadcasts the peer may have announced at once
 * @param maxSubscriptions subscriptions served to the peer at once, and subscriptions this side holds at once
 * @param maxFrameBytes    the largest frame accepted from the peer
 * @param maxMessageBytes  the largest control message accepted (SETUP, ANNOUNCE, SUBSCRIBE, ...)
 * @param setupTimeout     how long the server waits for CLIENT_SETUP and the client for SERVER_SETUP
 * @param trackBounds      buffering of each track subscribed from the peer
 */
public record MoqLimits(int maxStreams, int maxAnnounces, int maxSubscriptions, int maxFrameBytes,
                        int maxMessageBytes, Duration setupTimeout, TrackBounds trackBounds) {

    public MoqLimits {
        if (maxStreams < 1 || maxAnnounces < 1 || maxSubscriptions < 1 || maxFrameBytes < 1 || maxMessageBytes < 64) {
            throw new IllegalArgumentException("MoQ limits must be positive (messages at least 64 bytes)");
        }
        if (setupTimeout.isNegative() || setupTimeout.isZero()) {
            throw new IllegalArgumentException("setup timeout must be positive: " + setupTimeout);
        }
    }

    /**
     * 256 streams, 1024 announcements, 128 subscriptions, 1 MiB frames, 64 KiB messages, 10 s SETUP, tracks
     * bounded by {@link TrackBounds#REMOTE}.
     */
    public static MoqLimits defaults() {
        return new MoqLimits(256, 1024, 128, 1 << 20, 64 * 1024, Duration.ofSeconds(10), TrackBounds.REMOTE);
    }
}

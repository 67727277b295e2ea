package dev.streamkit.quic;

/**
 * How a {@link WebTransportSession} ended: the application error code and reason of whichever side closed it,
 * or code 0 and a description when the connection was lost or timed out.
 *
 * @param errorCode the application error code, 0 for a clean close or a lost connection
 * @param reason    a short reason, never {@code null}
 * @param byPeer    whether the peer (not this side) ended the session
 */
public record SessionClose(long errorCode, String reason, boolean byPeer) {
}

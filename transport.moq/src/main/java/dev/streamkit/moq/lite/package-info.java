/**
 * moq-lite over WebTransport: {@link dev.streamkit.moq.lite.MoqLite} negotiates the version (subprotocol
 * {@code moq-lite-04}/{@code moq-lite-03}, or SETUP choosing lite-02/lite-01 under {@code moql} or no
 * subprotocol) and yields a {@link dev.streamkit.moq.session.MoqSession} for either role.
 *
 * <p>Model: Session → Broadcast (path) → Track (name) → Group (sequence, one uni stream each) → Frame. Each
 * peer stream is handled on the transport's worker thread that delivered it; a session adds its own daemon
 * threads only to watch the subscribe streams it opens and the peer's subscriptions it serves (at most
 * {@link dev.streamkit.moq.lite.MoqLimits#maxSubscriptions()} each). Breaking a {@link
 * dev.streamkit.moq.lite.MoqLimits} bound or the wire format closes that session only, with the moq-lite error
 * code ({@link dev.streamkit.moq.wire.MoqErrorCode}) and a reason.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.streamkit.moq.lite;

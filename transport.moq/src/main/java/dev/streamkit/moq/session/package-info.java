/**
 * The moq-lite publish/subscribe model, independent of the wire: what the gateway and the
 * {@code transport::moq::*} nodes use, and what the protocol layer implements over a
 * {@link dev.streamkit.quic.WebTransportSession}.
 *
 * <p>A broadcast (a path such as {@code input} or {@code output}) has tracks ({@code catalog.json},
 * {@code audio/data}); a track is a sequence of groups, each group an ordered list of frames (byte arrays). A
 * producer appends, consumers read at their own pace; a consumer that falls more than a bounded number of
 * groups behind skips to the newest groups (media is live, memory stays bounded). A {@link
 * dev.streamkit.moq.session.MoqSession} publishes local broadcasts to the peer (announce + answering its
 * subscriptions) and exposes the broadcasts the peer announces.
 *
 * <p>{@link dev.streamkit.moq.session.LocalBroadcast} is the concrete, in-memory broadcast: its
 * {@link dev.streamkit.moq.session.LocalTrack}s keep at most {@link dev.streamkit.moq.session.TrackBounds} groups
 * and bytes, feed any number of local consumers ({@code consumer()}) and are what a session publishes.
 *
 * <p>Threading: producers may be written from any single thread per track; consumer reads block with a
 * deadline and may be called from any single thread per consumer. Closing a producer ends its consumers'
 * reads with {@code null}; aborting ends them with a {@link dev.streamkit.moq.session.MoqException}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.streamkit.moq.session;

/**
 * WebTransport as this project sees it, independent of the QUIC library that implements it.
 *
 * <p>The model: a {@link dev.streamkit.quic.WebTransportEndpoint} listens on UDP and asks every
 * {@link dev.streamkit.quic.WebTransportAcceptor} it knows whether it takes an incoming
 * {@link dev.streamkit.quic.SessionRequest} (path, query, offered subprotocols). An accepted request becomes a
 * {@link dev.streamkit.quic.WebTransportSession}; each side opens bidirectional
 * ({@link dev.streamkit.quic.BidiStream}) and unidirectional ({@link dev.streamkit.quic.SendStream},
 * {@link dev.streamkit.quic.ReceiveStream}) streams on it, and the peer's streams arrive at the session's
 * {@link dev.streamkit.quic.StreamHandler}. A {@link dev.streamkit.quic.WebTransportClient} opens sessions to
 * other servers (or to this one).
 *
 * <p>Threading: streams are blocking byte streams. The implementation calls the acceptor and the stream handler
 * on its own worker threads, one call per arriving stream, and bounds how many run at once per session; a
 * handler may block reading its stream. Nothing here calls back while holding a lock the caller could need.
 *
 * <p>Bounds: an implementation limits concurrent incoming streams per session (further streams are refused at
 * the QUIC level, never queued without bound) and closes a session whose peer breaks the protocol.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.streamkit.quic;

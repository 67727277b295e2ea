/**
 * The moq-lite wire format: QUIC varints, strings, size-prefixed messages and every message the official
 * clients exchange (SETUP in the draft-14 layout, announce, subscribe, group headers, probe, goaway).
 *
 * <p>Each message is a record with {@code encode(WireWriter, version)} and a static
 * {@code decode(WireReader, version)}; {@link dev.streamkit.moq.wire.MessageIo} adds and checks the size prefix.
 * Decoding is strict: a body must be consumed exactly, booleans are 0 or 1, strings are valid UTF-8 within
 * {@link dev.streamkit.moq.wire.WireReader#MAX_STRING_BYTES}, counts are capped, and every failure is a
 * {@link dev.streamkit.moq.wire.ProtocolViolation} carrying the moq-lite error code to close the session with.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.streamkit.moq.wire;

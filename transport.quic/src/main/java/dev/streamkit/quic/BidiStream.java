package dev.streamkit.quic;

/**
 * A bidirectional stream: a {@link ReceiveStream} and a {@link SendStream} that share one stream id. Each half
 * ends on its own; the stream is gone when both have.
 */
@org.osgi.annotation.versioning.ProviderType
public interface BidiStream extends ReceiveStream, SendStream {
}

package dev.streamkit.quic;

/**
 * Receives the streams the peer opens on a session. Each call runs on an implementation worker thread and may
 * block for as long as it reads its stream; the handler owns the stream and must end or abort it. An exception
 * thrown from a call aborts that stream only.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface StreamHandler {

    /** The peer opened a bidirectional stream. */
    void onBidirectional(BidiStream stream) throws Exception;

    /** The peer opened a unidirectional stream. */
    void onUnidirectional(ReceiveStream stream) throws Exception;
}

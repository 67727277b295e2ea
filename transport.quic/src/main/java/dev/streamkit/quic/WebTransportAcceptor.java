package dev.streamkit.quic;

import java.util.concurrent.CompletionStage;

/**
 * Decides about incoming WebTransport requests; registered as an OSGi service (whiteboard) with the
 * {@value #PATH_PREFIX} property naming the path prefix it serves (segment-wise, e.g. {@code /moq} serves
 * {@code /moq} and {@code /moq/a}, not {@code /moq2}). The longest matching prefix wins. The stage may complete
 * later (a gateway waits for a route to appear); the endpoint bounds the wait and refuses with 504 past it.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface WebTransportAcceptor {

    /** Service property: the path prefix this acceptor serves; {@code /} serves every path. */
    String PATH_PREFIX = "streamkit.webtransport.path";

    /** Answers {@code request}; called on an implementation worker thread, never while a lock is held. */
    CompletionStage<Acceptance> accept(SessionRequest request);
}

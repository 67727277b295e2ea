package dev.streamkit.quic;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * The running WebTransport server endpoint (an OSGi service while it listens): where it listens and which
 * certificate it presents, for clients that pin it with {@code serverCertificateHashes}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface WebTransportEndpoint {

    /** The UDP address the endpoint is bound to. */
    InetSocketAddress localAddress();

    /** Lowercase hex SHA-256 of each DER certificate in the chain it presents, leaf first. */
    List<String> certificateFingerprints();
}

package dev.streamkit.moq.osgi;

import dev.streamkit.moq.lite.MoqLimits;
import dev.streamkit.moq.nodes.MoqConnector;
import dev.streamkit.quic.WebTransportClient;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The moq-lite client the {@code transport::moq::publisher} and {@code subscriber} kinds connect with, over the
 * {@link WebTransportClient} service; those kinds exist while it does.
 */
@Component(service = ClientComponent.class)
public final class ClientComponent {

    @Reference
    private WebTransportClient transport;

    /** Connects moq-lite sessions to relay URLs. */
    public MoqConnector connector() {
        return new LiteConnector(transport, MoqLimits.defaults());
    }
}

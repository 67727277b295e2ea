package dev.streamkit.quic.osgi;

import dev.streamkit.quic.ClientOptions;
import dev.streamkit.quic.StreamHandler;
import dev.streamkit.quic.WebTransportClient;
import dev.streamkit.quic.WebTransportSession;
import dev.streamkit.quic.kwik.KwikWebTransportClient;
import dev.streamkit.quic.kwik.StreamLimits;
import java.net.URI;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The {@link WebTransportClient} service (kwik + flupke); its worker threads stop with the bundle. */
@Component(service = WebTransportClient.class)
public final class WebTransportClientComponent implements WebTransportClient {

    private final KwikWebTransportClient client = new KwikWebTransportClient(StreamLimits.DEFAULT);

    @Override
    public CompletionStage<WebTransportSession> connect(URI url, ClientOptions options, StreamHandler streams) {
        return client.connect(url, options, streams);
    }

    @Deactivate
    void deactivate() {
        client.close();
    }
}

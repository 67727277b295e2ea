package dev.streamkit.moq.testing;

import dev.streamkit.quic.Acceptance;
import dev.streamkit.quic.ClientOptions;
import dev.streamkit.quic.SessionRequest;
import dev.streamkit.quic.StreamHandler;
import dev.streamkit.quic.WebTransportClient;
import dev.streamkit.quic.WebTransportSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** A {@link WebTransportClient} whose "server" is an acceptor function in the same JVM, joined by {@link PipeSession}s. */
public final class PipeClient implements WebTransportClient {

    private final Function<SessionRequest, Acceptance> acceptor;
    private volatile PipeSession lastServerEnd;

    public PipeClient(Function<SessionRequest, Acceptance> acceptor) {
        this.acceptor = acceptor;
    }

    /** The server end of the last session connected. */
    public PipeSession lastServerEnd() {
        return lastServerEnd;
    }

    @Override
    public CompletionStage<WebTransportSession> connect(URI url, ClientOptions options, StreamHandler streams) {
        SessionRequest request = new SessionRequest(url.getPath(), Map.of(), options.protocols(), null,
                new InetSocketAddress("127.0.0.1", 50000));
        Acceptance answer = acceptor.apply(request);
        if (answer instanceof Acceptance.Refuse refuse) {
            return CompletableFuture.failedFuture(new IOException(url + " refused: " + refuse.status()));
        }
        Acceptance.Accept accept = (Acceptance.Accept) answer;
        PipeSession[] ends = PipeSession.pair(request.path(), accept.protocol());
        ends[0].handler(streams);
        ends[1].handler(accept.streams());
        lastServerEnd = ends[1];
        Thread established = new Thread(() -> accept.onEstablished().accept(ends[1]), "pipe-established");
        established.setDaemon(true);
        established.start();
        return CompletableFuture.completedFuture(ends[0]);
    }
}

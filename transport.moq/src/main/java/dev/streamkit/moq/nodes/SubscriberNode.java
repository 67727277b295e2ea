package dev.streamkit.moq.nodes;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.moq.session.BroadcastConsumer;
import dev.streamkit.moq.session.MoqSession;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code transport::moq::subscriber}: a source whose own thread (the engine's source thread, which may block)
 * connects to the relay, waits for the broadcast, reads its audio ({@link AudioInput}) and sends each Opus
 * packet on its track's pin ({@code audio/data}), the first rendition's also on {@code out} ({@link TrackPins});
 * further renditions are read on threads of their own. When the connection or the broadcast ends it reports
 * {@code Recovering} and connects again a second later ({@link ReconnectLoop}). It ends when the session stops it.
 */
final class SubscriberNode implements Node {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriberNode.class);

    private final String nodeId;
    private final ClientParams source;
    private final MoqConnector connector;
    private final ReconnectLoop.Pause pause;
    private volatile MoqSession session;
    private volatile boolean closed;

    SubscriberNode(String nodeId, ClientParams source, MoqConnector connector, ReconnectLoop.Pause pause) {
        this.nodeId = nodeId;
        this.source = source;
        this.connector = connector;
        this.pause = pause;
    }

    @Override
    public Invocation invocation() {
        return Invocation.BLOCKING;
    }

    @Override
    public void onStart(Outputs out) throws InterruptedException {
        ReconnectLoop.run(() -> readOnce(out), why -> lost(out, why), () -> closed || out.isCancelled(), pause);
    }

    /** One connection: read the broadcast until it or the session ends. */
    private void readOnce(Outputs out) throws Exception {
        MoqSession current = connector.connect(source.url()).toCompletableFuture()
                .get(PublisherNode.CONNECT_TIMEOUT_S, TimeUnit.SECONDS);
        session = current;
        try {
            BroadcastConsumer broadcast = current.consume(source.broadcast(), AudioInput.CATALOG_WAIT).toCompletableFuture().get();
            out.state(NodeState.RUNNING);
            LOG.info("node '{}': reading '{}' from {}", nodeId, source.broadcast(), source.url());
            AudioInput.pump(broadcast, AudioInput.CATALOG_WAIT, TrackPins.primary(out));
        } finally {
            current.close(0, closed ? "node closed" : "reconnecting");
        }
    }

    private void lost(Outputs out, String why) {
        LOG.info("node '{}': relay {} unavailable ({}); retrying in 1 s", nodeId, source.url(), why);
        out.state(NodeState.recovering(why));
    }

    @Override
    public void close() {
        closed = true;
        MoqSession current = session;
        if (current != null) current.close(0, "node closed");
    }
}

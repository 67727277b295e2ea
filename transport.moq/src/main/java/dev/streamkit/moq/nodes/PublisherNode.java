package dev.streamkit.moq.nodes;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.moq.session.MoqSession;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code transport::moq::publisher}: writes {@code in} into a local hang broadcast ({@link AudioOutput}) on the
 * engine's thread, while a connection thread keeps a session to the relay up and publishes that broadcast on
 * it, reconnecting every second ({@link ReconnectLoop}). Packets written while disconnected are live media and
 * are not replayed. The node reports {@code Recovering} while the relay is away, once it knows its outputs.
 */
final class PublisherNode implements Node {

    /** Bound on connecting to the relay, so a dead address is retried. */
    static final long CONNECT_TIMEOUT_S = 10;

    private static final Logger LOG = LoggerFactory.getLogger(PublisherNode.class);

    private final String nodeId;
    private final ClientParams target;
    private final AudioOutput output;
    private final MoqConnector connector;
    private final Thread connection;
    /** How long the first packet waits for the relay to read the track. */
    static final java.time.Duration FIRST_READER_WAIT = java.time.Duration.ofSeconds(CONNECT_TIMEOUT_S);
    private static final long READER_POLL_MS = 5;

    private volatile Outputs outputs;
    private boolean started;
    private volatile boolean closed;
    private volatile MoqSession session;

    PublisherNode(String nodeId, ClientParams target, AudioOutput output, MoqConnector connector, ReconnectLoop.Pause pause) {
        this.nodeId = nodeId;
        this.target = target;
        this.output = output;
        this.connector = connector;
        this.connection = new Thread(() -> connectLoop(pause), "moq-publisher-" + nodeId);
        connection.setDaemon(true);
        connection.start();
    }

    /** A mailbox worker runs it: the first packet may wait for the relay (see {@link #awaitFirstReader}). */
    @Override
    public Invocation invocation() {
        return Invocation.BLOCKING;
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) throws InterruptedException {
        outputs = out;
        if (!(packet instanceof BinaryPacket opus)) return;
        if (!started) awaitFirstReader();
        output.write(opus);
    }

    /**
     * Holds the first packet until the relay reads the audio track, at most {@link #FIRST_READER_WAIT}: like
     * StreamKit's publisher, which connects before it takes its input, the start of the stream is not lost to
     * the connection's set-up. Later packets never wait (live media).
     */
    private void awaitFirstReader() throws InterruptedException {
        long deadline = System.nanoTime() + FIRST_READER_WAIT.toNanos();
        while (output.readers() == 0 && System.nanoTime() < deadline && !closed) Thread.sleep(READER_POLL_MS);
        started = true;
    }

    private void connectLoop(ReconnectLoop.Pause pause) {
        try {
            ReconnectLoop.run(this::publishOnce, this::lost, () -> closed, pause);
        } catch (InterruptedException | CancellationException ending) {
            // the node is closing
        }
    }

    /** One connection: publish the broadcast and hold it until the session ends. */
    private void publishOnce() throws Exception {
        MoqSession current = connector.connect(target.url()).toCompletableFuture().get(CONNECT_TIMEOUT_S, TimeUnit.SECONDS);
        session = current;
        try {
            if (closed) return;
            current.publish(target.broadcast(), output.broadcast());
            report(NodeState.RUNNING);
            LOG.info("node '{}': publishing '{}' to {}", nodeId, target.broadcast(), target.url());
            current.closed().toCompletableFuture().get();
        } finally {
            current.close(0, closed ? "node closed" : "reconnecting");
        }
    }

    private void lost(String why) {
        LOG.info("node '{}': relay {} unavailable ({}); retrying in 1 s", nodeId, target.url(), why);
        report(NodeState.recovering(why));
    }

    private void report(NodeState state) {
        Outputs out = outputs;
        if (out != null && !closed) out.state(state);
    }

    @Override
    public void close() {
        closed = true;
        connection.interrupt();
        MoqSession current = session;
        if (current != null) current.close(0, "node closed");
        output.close();
    }
}

package dev.streamkit.moq.nodes;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.moq.gateway.DuplicateRouteException;
import dev.streamkit.moq.gateway.MoqGateway;
import dev.streamkit.moq.session.BroadcastProducer;
import dev.streamkit.moq.session.MoqSession;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code transport::moq::peer}: one session's end of the MoQ gateway.
 *
 * <pre>
 *   publisher ──/input or base──▶ [reader thread] ──out, audio/data──▶ decoder → … → encoder
 *   further broadcast ──base──▶ [reader thread] ──{broadcast}/audio/data──▶ …
 *                                                                                     │
 *   watchers ◀──/output or base── output broadcast (AudioOutput) ◀────────in─────────┘
 * </pre>
 *
 * <p>Threads: the routes are registered when the node is created, so a duplicate {@code gateway_path} refuses
 * the node. The engine starts it ({@code onStart}, bidirectional) and it keeps the {@link Outputs}; each
 * publisher gets a reader thread ({@link PublisherReader}) that sends through them. {@code in} packets arrive
 * on the engine's threads and are written to the output broadcast, which every watcher session reads. A
 * publisher that leaves makes the node {@code Recovering("waiting_for_publisher")} with {@code allow_reconnect},
 * else ends it ({@code Stopped}).
 */
final class PeerNode implements Node, PeerAdmission.Sessions {

    static final String WAITING_FOR_PUBLISHER = "waiting_for_publisher";
    /** Telemetry event type reporting how many sessions watch the output. */
    static final String WATCHERS_EVENT = "moq.subscribers";
    /** StreamKit's output catalog: mono Opus at 64 kbit/s. */
    static final int OUTPUT_CHANNELS = 1;
    static final int OUTPUT_BITRATE = 64_000;

    private static final Logger LOG = LoggerFactory.getLogger(PeerNode.class);

    private final String nodeId;
    private final PeerParams params;
    private final BroadcastProducer output;
    private final AudioOutput writer;
    private final PeerAdmission admission;
    private final AutoCloseable routes;
    private final PublisherReader reader;
    private final FurtherInputs further;
    private final AtomicReference<MoqSession> publisher = new AtomicReference<>();
    private final Set<MoqSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private PeerNode(String nodeId, PeerParams params, MoqGateway gateway, int maxWatchers,
                     Function<String, BroadcastProducer> broadcasts) throws DuplicateRouteException {
        this.nodeId = nodeId;
        this.params = params;
        this.output = broadcasts.apply(params.outputBroadcast());
        this.writer = new AudioOutput(output, OUTPUT_CHANNELS, OUTPUT_BITRATE,
                new OutputTimeline(params.initialDelayMs(), params.groupDurationMs()));
        this.reader = new PublisherReader(nodeId, params.primaryInput(), true, this::publisherLeft);
        this.further = new FurtherInputs(nodeId, params.inputBroadcasts().subList(1, params.inputBroadcasts().size()));
        this.admission = new PeerAdmission(params.primaryInput(), params.outputBroadcast(), maxWatchers, this);
        this.routes = gateway.register(params.gatewayPath(), admission);
    }

    /**
     * Creates the node and registers its routes.
     *
     * @throws NodeException naming {@code gateway_path} when another session holds one of the routes
     */
    static PeerNode open(String nodeId, PeerParams params, MoqGateway gateway, int maxWatchers,
                         Function<String, BroadcastProducer> broadcasts) throws NodeException {
        try {
            return new PeerNode(nodeId, params, gateway, maxWatchers, broadcasts);
        } catch (DuplicateRouteException taken) {
            throw NodeException.invalidParam(PeerParams.GATEWAY_PATH, taken.getMessage());
        }
    }

    @Override
    public void onStart(Outputs out) {
        reader.attach(out);
        further.attach(out);
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) {
        if (packet instanceof BinaryPacket opus) writer.write(opus);
    }

    // ---- sessions admitted by the gateway (transport threads) ----

    @Override
    public boolean hasPublisher() {
        return publisher.get() != null;
    }

    @Override
    public void publisher(MoqSession session) {
        if (!track(session)) return;
        if (!publisher.compareAndSet(null, session)) {
            session.close(MoqCloseCodes.PUBLISHER_BUSY, "Publisher already connected");
            return;
        }
        reader.read(session);
    }

    @Override
    public void subscriber(MoqSession session) {
        if (track(session)) session.publish(params.outputBroadcast(), output);
    }

    /**
     * A bidirectional client watches at once, and becomes the publisher when it announces the primary input
     * broadcast while no other publisher is connected (a client that only watches holds no publisher slot). The
     * further input broadcasts it announces are read too ({@link FurtherInputs}): only such clients offer them.
     */
    @Override
    public void peer(MoqSession session) {
        if (!track(session)) return;
        session.publish(params.outputBroadcast(), output);
        session.announcements("", announcement -> {
            if (!announcement.active()) return;
            if (announcement.path().equals(params.primaryInput()) && publisher.compareAndSet(null, session)) {
                reader.read(session);
            }
            further.announced(session, announcement.path());
        });
    }

    /** Publishes the watcher count as {@value #WATCHERS_EVENT} telemetry ({@code count}). */
    @Override
    public void watchersChanged(int count) {
        Outputs out = reader.outputs();
        if (out != null && !closed) out.telemetry(TelemetryEvent.now(WATCHERS_EVENT, Map.of("count", count)));
    }

    /** Keeps {@code session} until it closes; false (and closes it) when the node is gone. */
    private boolean track(MoqSession session) {
        sessions.add(session);
        session.closed().whenComplete((how, error) -> sessions.remove(session));
        if (closed) {
            session.close(0, "session ended");
            return false;
        }
        return true;
    }

    /** The publisher's reading ended (it left, or broke the protocol); called on its reader thread. */
    private void publisherLeft(MoqSession session, Outputs out, String why) {
        publisher.compareAndSet(session, null);
        session.close(0, why);
        if (closed) return;
        LOG.info("node '{}': publisher left ({})", nodeId, why);
        try {
            if (params.allowReconnect()) {
                out.state(NodeState.recovering(WAITING_FOR_PUBLISHER));
            } else {
                out.state(NodeState.stopped("shutdown"));
                out.finish();
            }
        } catch (CancellationException ended) {
            // the node was removed meanwhile
        }
    }

    /** Subscriptions to the output's audio track now, local or remote (tests). */
    int audioReaders() {
        return writer.readers();
    }

    /** Watching sessions now (tests). */
    int watchers() {
        return admission.watchers();
    }

    @Override
    public void close() {
        closed = true;
        try {
            routes.close();
        } catch (Exception e) {
            LOG.warn("node '{}': releasing its gateway routes failed: {}", nodeId, e.toString());
        }
        reader.stop();
        further.stop();
        for (MoqSession session : sessions) session.close(0, "session ended");
        writer.close();
    }
}

package dev.streamkit.moq.nodes;

import dev.streamkit.moq.gateway.Admission;
import dev.streamkit.moq.gateway.GatewayRole;
import dev.streamkit.moq.gateway.PeerEndpoint;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.security.jwt.MoqGrant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Who may connect to a peer's routes: the token's grant must cover publishing the primary input broadcast
 * (publishers and bidirectional clients) and subscribing to the output broadcast (subscribers and
 * bidirectional clients), else 403; a publisher needs the free publisher slot, else 409; watchers are capped,
 * else 503. Admitted sessions go to the peer's callbacks.
 */
final class PeerAdmission implements PeerEndpoint {

    /** What the peer does with an admitted session. */
    interface Sessions {
        /** A publisher-only session (route {@code /input}). */
        void publisher(MoqSession session);

        /** A subscriber-only session (route {@code /output}). */
        void subscriber(MoqSession session);

        /** A bidirectional session (the base route). */
        void peer(MoqSession session);

        /** Whether a publisher is connected now. */
        boolean hasPublisher();

        /** The number of watching sessions changed to {@code count}. */
        void watchersChanged(int count);
    }

    private final String input;
    private final String output;
    private final int maxWatchers;
    private final Sessions sessions;
    private final AtomicInteger watchers = new AtomicInteger();

    PeerAdmission(String primaryInput, String output, int maxWatchers, Sessions sessions) {
        this.input = primaryInput;
        this.output = output;
        this.maxWatchers = maxWatchers;
        this.sessions = sessions;
    }

    @Override
    public Admission admit(GatewayRole role, MoqGrant grant) {
        boolean publishes = role != GatewayRole.SUBSCRIBER;
        boolean watches = role != GatewayRole.PUBLISHER;
        if (publishes && !grant.mayPublish(input)) {
            return new Admission.Refused(403, "Publish permission denied for broadcast '" + input + "'");
        }
        if (watches && !grant.maySubscribe(output)) {
            return new Admission.Refused(403, "Subscribe permission denied for broadcast '" + output + "'");
        }
        if (role == GatewayRole.PUBLISHER && sessions.hasPublisher()) {
            return new Admission.Refused(409, "Publisher already connected");
        }
        if (watches && watchers.get() >= maxWatchers) {
            return new Admission.Refused(503, "Too many subscribers (at most " + maxWatchers + ")");
        }
        Consumer<MoqSession> onSession = switch (role) {
            case PUBLISHER -> sessions::publisher;
            case SUBSCRIBER -> watched(sessions::subscriber);
            case PEER -> watched(sessions::peer);
        };
        return new Admission.Admitted(onSession);
    }

    /** How many sessions watch the output now. */
    int watchers() {
        return watchers.get();
    }

    /** Counts a watching session until it closes. */
    private Consumer<MoqSession> watched(Consumer<MoqSession> handler) {
        return session -> {
            sessions.watchersChanged(watchers.incrementAndGet());
            session.closed().whenComplete((how, error) -> sessions.watchersChanged(watchers.decrementAndGet()));
            handler.accept(session);
        };
    }
}

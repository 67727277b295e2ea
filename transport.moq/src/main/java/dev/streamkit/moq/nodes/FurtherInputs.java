package dev.streamkit.moq.nodes;

import dev.streamkit.api.node.Outputs;
import dev.streamkit.moq.session.MoqSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer's further input broadcasts ({@code input_broadcasts} after the first): a bidirectional client that
 * announces one of them has it read onto the pins {@code {broadcast}/{track}} ({@link TrackPins#prefixed}), one
 * session per broadcast at a time. Its end changes nothing but those pins: the node's state follows the primary
 * publisher alone, and the client's session stays open for what else it does.
 */
final class FurtherInputs {

    private static final Logger LOG = LoggerFactory.getLogger(FurtherInputs.class);

    private final Map<String, Input> inputs = new LinkedHashMap<>();

    /** One further broadcast: its reader and the session it reads now. */
    private record Input(PublisherReader reader, AtomicReference<MoqSession> publisher) {
    }

    FurtherInputs(String nodeId, List<String> broadcasts) {
        for (String broadcast : broadcasts) {
            AtomicReference<MoqSession> publisher = new AtomicReference<>();
            PublisherReader reader = new PublisherReader(nodeId, broadcast, false, (session, out, why) -> {
                publisher.compareAndSet(session, null);
                LOG.info("node '{}': input broadcast '{}' ended ({})", nodeId, broadcast, why);
            });
            inputs.put(broadcast, new Input(reader, publisher));
        }
    }

    /** The engine started the peer: readers may send. */
    void attach(Outputs out) {
        for (Input input : inputs.values()) input.reader().attach(out);
    }

    /** {@code session} announced {@code broadcast}: read it when it is a further input nobody else publishes. */
    void announced(MoqSession session, String broadcast) {
        Input input = inputs.get(broadcast);
        if (input != null && input.publisher().compareAndSet(null, session)) input.reader().read(session);
    }

    /** Ends every reader (the node is closing); never waits. */
    void stop() {
        for (Input input : inputs.values()) input.reader().stop();
    }
}

package dev.streamkit.moq.session;

import dev.streamkit.quic.SessionClose;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One moq-lite session over one WebTransport session, after the version is agreed. Local broadcasts given to
 * {@link #publish} are announced to the peer and serve its subscriptions; broadcasts the peer announces are
 * reported to announcement listeners and reachable with {@link #consume}.
 */
public interface MoqSession extends AutoCloseable {

    /**
     * The negotiated moq-lite version: {@code 0xff0dad01}/{@code 0xff0dad02} from SETUP, or the one the subprotocol
     * fixes ({@code moq-lite-03}: {@code 0xff0dad03}, {@code moq-lite-04}: {@code 0xff0dad04}).
     */
    long version();

    /**
     * Announces {@code broadcast} under {@code path} (relative to the session path) until it is closed. The moq-lite
     * implementation serves from the broadcast's own tracks, so it takes a {@link LocalBroadcast} only.
     */
    void publish(String path, BroadcastProducer broadcast);

    /** Reports the peer's announcements under {@code prefix}, current ones first; returns a handle to stop. */
    AutoCloseable announcements(String prefix, Consumer<Announcement> listener);

    /** Waits at most {@code timeout} for the peer to announce {@code path}, then consumes it. */
    CompletionStage<BroadcastConsumer> consume(String path, Duration timeout);

    /** Closes the session with an error code (0 = normal) and a reason. */
    void close(long errorCode, String reason);

    @Override
    default void close() {
        close(0, "closed");
    }

    /** Completes when the session has ended, whichever side ended it. */
    CompletionStage<SessionClose> closed();
}

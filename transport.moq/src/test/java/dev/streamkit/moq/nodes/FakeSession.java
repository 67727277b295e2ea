package dev.streamkit.moq.nodes;

import dev.streamkit.moq.session.Announcement;
import dev.streamkit.moq.session.BroadcastConsumer;
import dev.streamkit.moq.session.BroadcastProducer;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.quic.SessionClose;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A moq-lite session without a wire: what this side publishes is recorded; what the test offers as the peer's
 * broadcasts ({@link #announce}) is what {@link #consume} finds.
 */
class FakeSession implements MoqSession {

    final Map<String, BroadcastProducer> published = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<BroadcastConsumer>> remote = new ConcurrentHashMap<>();
    private final CompletableFuture<SessionClose> closed = new CompletableFuture<>();

    /** The peer announces {@code broadcast}. */
    void announce(BroadcastConsumer broadcast) {
        remote.computeIfAbsent(broadcast.path(), p -> new CompletableFuture<>()).complete(broadcast);
    }

    @Override
    public long version() {
        return 4;
    }

    @Override
    public void publish(String path, BroadcastProducer broadcast) {
        published.put(path, broadcast);
    }

    @Override
    public AutoCloseable announcements(String prefix, Consumer<Announcement> listener) {
        return () -> { };
    }

    @Override
    public CompletionStage<BroadcastConsumer> consume(String path, Duration timeout) {
        CompletableFuture<BroadcastConsumer> announced = remote.computeIfAbsent(path, p -> new CompletableFuture<>());
        CompletableFuture<BroadcastConsumer> answer = new CompletableFuture<>();
        announced.whenComplete((b, e) -> answer.complete(b));
        closed.whenComplete((how, e) -> answer.completeExceptionally(new java.io.IOException("session closed")));
        return answer;
    }

    @Override
    public void close(long errorCode, String reason) {
        closed.complete(new SessionClose(errorCode, reason, false));
    }

    @Override
    public CompletionStage<SessionClose> closed() {
        return closed;
    }

    boolean isClosed() {
        return closed.isDone();
    }
}

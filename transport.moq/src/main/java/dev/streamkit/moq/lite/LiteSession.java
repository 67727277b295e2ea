package dev.streamkit.moq.lite;

import dev.streamkit.moq.session.Announcement;
import dev.streamkit.moq.session.BroadcastConsumer;
import dev.streamkit.moq.session.BroadcastProducer;
import dev.streamkit.moq.session.LocalBroadcast;
import dev.streamkit.moq.session.MoqException;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.moq.session.TrackConsumer;
import dev.streamkit.moq.wire.Goaway;
import dev.streamkit.moq.wire.MessageIo;
import dev.streamkit.moq.wire.MoqErrorCode;
import dev.streamkit.moq.wire.MoqVersion;
import dev.streamkit.moq.wire.ProtocolViolation;
import dev.streamkit.moq.wire.StreamType;
import dev.streamkit.quic.BidiStream;
import dev.streamkit.quic.ReceiveStream;
import dev.streamkit.quic.SessionClose;
import dev.streamkit.quic.WebTransportSession;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A moq-lite session after the version is agreed, for either role: it dispatches the peer's streams by type,
 * publishes local broadcasts ({@link Announcer}, {@link SubscriptionServer}) and consumes the peer's
 * ({@link AnnounceWatcher}, {@link RemoteTracks}). When the transport ends, whichever side ended it, every
 * remote track fails with a {@link MoqException} and the session's threads stop.
 */
final class LiteSession implements MoqSession {

    /** Deadlines of all sessions: one daemon thread. */
    static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "moq-timer");
        thread.setDaemon(true);
        return thread;
    });

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final WebTransportSession transport;
    private final long version;
    private final MoqLimits limits;
    private final ExecutorService executor;
    private final Announcer announcer;
    private final AnnounceWatcher watcher;
    private final RemoteTracks remoteTracks;
    private final SubscriptionServer subscriptionServer;
    private final CompletableFuture<SessionClose> closed = new CompletableFuture<>();

    LiteSession(WebTransportSession transport, long version, MoqLimits limits) {
        this.transport = transport;
        this.version = version;
        this.limits = limits;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "moq-session-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.announcer = new Announcer(this);
        this.watcher = new AnnounceWatcher(this);
        this.remoteTracks = new RemoteTracks(this);
        this.subscriptionServer = new SubscriptionServer(this);
        transport.closed().whenComplete((close, error) -> shutDown(close != null ? close
                : new SessionClose(MoqErrorCode.TRANSPORT, String.valueOf(error), true)));
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public void publish(String path, BroadcastProducer broadcast) {
        if (!(broadcast instanceof LocalBroadcast local)) {
            throw new IllegalArgumentException("only a LocalBroadcast can be published, not " + broadcast.getClass());
        }
        announcer.publish(path, local);
    }

    @Override
    public AutoCloseable announcements(String prefix, Consumer<Announcement> listener) {
        return watcher.listen(prefix, listener);
    }

    @Override
    public CompletionStage<BroadcastConsumer> consume(String path, Duration timeout) {
        return watcher.await(path, timeout).thenApply(normalized -> new BroadcastConsumer() {
            @Override
            public String path() {
                return normalized;
            }

            @Override
            public TrackConsumer subscribe(String track, int priority) {
                return remoteTracks.subscribe(normalized, track, priority);
            }
        });
    }

    @Override
    public void close(long errorCode, String reason) {
        transport.close(errorCode, reason);
        shutDown(new SessionClose(errorCode, reason, false));
    }

    @Override
    public CompletionStage<SessionClose> closed() {
        return closed;
    }

    /** Handles a bidi stream the peer opened, its type already read. */
    void onBidirectional(BidiStream stream, long type) throws IOException {
        if (type == StreamType.ANNOUNCE) {
            announcer.serve(stream);
        } else if (type == StreamType.SUBSCRIBE) {
            subscriptionServer.serve(stream);
        } else if (type == StreamType.PROBE && !MoqVersion.isSetupEra(version)) {
            stream.finish();
            stream.abort(MoqErrorCode.CANCEL);
        } else if (type == StreamType.GOAWAY && version == MoqVersion.LITE_04) {
            MessageIo.read(stream.input(), limits.maxMessageBytes(), Goaway::decode);
            stream.finish();
        } else if (type == StreamType.FETCH) {
            stream.reset(MoqErrorCode.UNSUPPORTED);
            stream.abort(MoqErrorCode.UNSUPPORTED);
        } else {
            throw new ProtocolViolation(MoqErrorCode.UNEXPECTED_STREAM, "unexpected bidi stream type " + type
                    + " in " + MoqVersion.name(version));
        }
    }

    /** Handles a uni stream the peer opened. */
    void onUnidirectional(ReceiveStream stream) throws IOException {
        int type = stream.input().read();
        if (type < 0) {
            return;
        }
        if (type != StreamType.GROUP) {
            throw new ProtocolViolation(MoqErrorCode.UNEXPECTED_STREAM, "unexpected uni stream type " + type);
        }
        remoteTracks.receiveGroup(stream);
    }

    /** Closes the session because the peer broke the protocol or a bound. */
    void violation(ProtocolViolation violation) {
        close(violation.errorCode(), violation.getMessage());
    }

    boolean isClosed() {
        return closed.isDone();
    }

    WebTransportSession transport() {
        return transport;
    }

    MoqLimits limits() {
        return limits;
    }

    Announcer announcer() {
        return announcer;
    }

    /** Runs {@code task} on a session thread; dropped once the session is closed. */
    void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closedAlready) {
            // the session ended; the task's stream is gone with it
        }
    }

    private void shutDown(SessionClose close) {
        if (!closed.complete(close)) {
            return;
        }
        MoqException cause = new MoqException(close.errorCode() == 0 ? MoqErrorCode.CLOSED : close.errorCode(),
                "MoQ session closed: " + close.reason());
        remoteTracks.failAll(cause);
        watcher.fail(cause);
        announcer.clear();
        executor.shutdownNow();
    }
}

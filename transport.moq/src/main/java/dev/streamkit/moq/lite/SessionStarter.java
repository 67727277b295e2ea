package dev.streamkit.moq.lite;

import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.moq.wire.MoqErrorCode;
import dev.streamkit.moq.wire.MoqVersion;
import dev.streamkit.moq.wire.ProtocolViolation;
import dev.streamkit.moq.wire.StreamType;
import dev.streamkit.moq.wire.Varint;
import dev.streamkit.quic.BidiStream;
import dev.streamkit.quic.ReceiveStream;
import dev.streamkit.quic.StreamHandler;
import dev.streamkit.quic.WebTransportSession;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The stream handler of one WebTransport session from before the moq-lite version is known until it ends. It
 * bounds the peer's concurrent streams ({@link MoqLimits#maxStreams()}), runs the server side of SETUP when the
 * subprotocol asks for it, holds streams that arrive early until the session is ready (at most the SETUP
 * deadline), then hands each to the {@link LiteSession}. A {@link ProtocolViolation} anywhere closes the
 * transport with its code and reason.
 */
final class SessionStarter implements StreamHandler {

    private final boolean server;
    private final String protocol;
    private final MoqLimits limits;
    private final Consumer<MoqSession> onReady;
    private final List<Long> setupOffer;
    private final CompletableFuture<WebTransportSession> transport = new CompletableFuture<>();
    private final CompletableFuture<LiteSession> ready = new CompletableFuture<>();
    private final AtomicInteger streams = new AtomicInteger();

    SessionStarter(boolean server, String protocol, MoqLimits limits, Consumer<MoqSession> onReady) {
        this(server, protocol, limits, onReady, SetupHandshake.OFFER);
    }

    /** A starter whose client side offers {@code setupOffer} in CLIENT_SETUP. */
    SessionStarter(boolean server, String protocol, MoqLimits limits, Consumer<MoqSession> onReady,
                   List<Long> setupOffer) {
        this.setupOffer = List.copyOf(setupOffer);
        this.server = server;
        this.protocol = protocol;
        this.limits = limits;
        this.onReady = onReady;
    }

    /** Completes when the session is ready, or fails when it ended before. */
    CompletableFuture<LiteSession> ready() {
        return ready;
    }

    /**
     * The transport is up: with a version fixed by the subprotocol the session starts now; otherwise the server
     * waits for CLIENT_SETUP until the deadline, and the client runs SETUP (on a fresh thread).
     */
    void established(WebTransportSession session) {
        transport.complete(session);
        session.closed().whenComplete((close, error) -> ready.completeExceptionally(
                new IOException("WebTransport session ended before MoQ was ready: "
                        + (close != null ? close.reason() : error))));
        long fixed = MoqVersion.ofProtocol(session.protocol());
        if (fixed > 0) {
            start(session, fixed);
            return;
        }
        if (!MoqVersion.PROTOCOL_SETUP.equals(session.protocol()) && !session.protocol().isEmpty()) {
            session.close(MoqErrorCode.VERSION, "unsupported WebTransport protocol: " + session.protocol());
            ready.completeExceptionally(new ProtocolViolation(MoqErrorCode.VERSION,
                    "unsupported WebTransport protocol: " + session.protocol()));
            return;
        }
        LiteSession.TIMER.schedule(() -> {
            if (!ready.isDone()) {
                session.close(MoqErrorCode.TIMEOUT, "no SETUP within " + limits.setupTimeout());
            }
        }, limits.setupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (!server) {
            Thread setup = new Thread(() -> runClientSetup(session), "moq-setup");
            setup.setDaemon(true);
            setup.start();
        }
    }

    @Override
    public void onBidirectional(BidiStream stream) throws Exception {
        enter();
        try {
            long type = Varint.read(stream.input());
            if (type == StreamType.CLIENT_SETUP && server && !ready.isDone()) {
                WebTransportSession session = transport.get(limits.setupTimeout().toMillis(), TimeUnit.MILLISECONDS);
                if (MoqVersion.ofProtocol(session.protocol()) > 0) {
                    throw new ProtocolViolation(MoqErrorCode.UNEXPECTED_STREAM,
                            "SETUP on " + session.protocol() + ", which has none");
                }
                start(session, SetupHandshake.serve(stream, limits));
                SetupHandshake.drainSessionStream(stream, limits);
                stream.finish();
                return;
            }
            awaitReady().onBidirectional(stream, type);
        } catch (ProtocolViolation violation) {
            closeTransport(violation);
            throw violation;
        } finally {
            streams.decrementAndGet();
        }
    }

    @Override
    public void onUnidirectional(ReceiveStream stream) throws Exception {
        enter();
        try {
            awaitReady().onUnidirectional(stream);
        } catch (ProtocolViolation violation) {
            closeTransport(violation);
            throw violation;
        } finally {
            streams.decrementAndGet();
        }
    }

    private void runClientSetup(WebTransportSession session) {
        try {
            SetupHandshake.Result result = SetupHandshake.connect(session, limits, setupOffer);
            LiteSession started = start(session, result.version());
            started.execute(() -> {
                try {
                    SetupHandshake.drainSessionStream(result.sessionStream(), limits);
                } catch (ProtocolViolation violation) {
                    started.violation(violation);
                } catch (IOException ended) {
                    // the session stream ends with the session
                }
            });
        } catch (ProtocolViolation violation) {
            closeTransport(violation);
            ready.completeExceptionally(violation);
        } catch (IOException e) {
            session.close(MoqErrorCode.TRANSPORT, "SETUP failed: " + e.getMessage());
            ready.completeExceptionally(e);
        }
    }

    private LiteSession start(WebTransportSession session, long version) {
        LiteSession started = new LiteSession(session, version, limits);
        if (ready.complete(started)) {
            onReady.accept(started);
        }
        return started;
    }

    private void enter() throws ProtocolViolation {
        if (streams.incrementAndGet() > limits.maxStreams()) {
            streams.decrementAndGet();
            ProtocolViolation violation = new ProtocolViolation(MoqErrorCode.BOUNDS_EXCEEDED,
                    "more than " + limits.maxStreams() + " concurrent streams");
            closeTransport(violation);
            throw violation;
        }
    }

    private LiteSession awaitReady() throws Exception {
        try {
            return ready.get(limits.setupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ProtocolViolation(MoqErrorCode.TIMEOUT, "stream before SETUP completed");
        } catch (ExecutionException e) {
            throw new IOException("session not started: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void closeTransport(ProtocolViolation violation) {
        LiteSession session = ready.getNow(null);
        if (session != null) {
            session.violation(violation);
            return;
        }
        WebTransportSession pending = transport.getNow(null);
        if (pending != null) {
            pending.close(violation.errorCode(), violation.getMessage());
        }
        ready.completeExceptionally(violation);
    }
}

package dev.streamkit.moq.testing;

import dev.streamkit.quic.BidiStream;
import dev.streamkit.quic.ReceiveStream;
import dev.streamkit.quic.SendStream;
import dev.streamkit.quic.SessionClose;
import dev.streamkit.quic.StreamHandler;
import dev.streamkit.quic.WebTransportSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One end of an in-memory WebTransport session: streams are {@link BytePipe}s (bounded, blocking), and each
 * stream opened here is handed to the peer's {@link StreamHandler} on a thread of its own, as a QUIC
 * implementation would. At most {@link #MAX_HANDLER_THREADS} handler threads run at once per end; opening more
 * fails like a peer's stream limit.
 */
public final class PipeSession implements WebTransportSession {

    /** The bound on concurrent handler threads per end. */
    public static final int MAX_HANDLER_THREADS = 2048;
    private static final int PIPE_CAPACITY = 64 * 1024;

    private final String path;
    private final String protocol;
    private final CompletableFuture<SessionClose> closed = new CompletableFuture<>();
    private final Set<BytePipe> pipes = ConcurrentHashMap.newKeySet();
    private final AtomicInteger handlerThreads = new AtomicInteger();
    private final AtomicInteger opened = new AtomicInteger();
    private PipeSession peer;
    private volatile StreamHandler handler;

    private PipeSession(String path, String protocol) {
        this.path = path;
        this.protocol = protocol;
    }

    /** A connected pair: index 0 the client end, 1 the server end. */
    public static PipeSession[] pair(String path, String protocol) {
        PipeSession client = new PipeSession(path, protocol);
        PipeSession server = new PipeSession(path, protocol);
        client.peer = server;
        server.peer = client;
        return new PipeSession[] {client, server};
    }

    /** Sets the handler of the streams the peer opens. */
    public void handler(StreamHandler streams) {
        this.handler = streams;
    }

    /** The other end. */
    public PipeSession peer() {
        return peer;
    }

    /** How many streams this end opened. */
    public int openedStreams() {
        return opened.get();
    }

    /** Ends the session as a lost connection would: both ends see code 0, neither by its own close. */
    public void loseConnection() {
        end(new SessionClose(0, "connection lost", true), new SessionClose(0, "connection lost", true));
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 4545);
    }

    @Override
    public BidiStream openBidirectional() throws IOException {
        BytePipe toPeer = newPipe();
        BytePipe fromPeer = newPipe();
        BidiStream remote = PipeStreams.bidi(toPeer, fromPeer);
        peer.dispatch(remote, handler -> handler.onBidirectional(remote), remote::reset, remote::abort);
        return PipeStreams.bidi(fromPeer, toPeer);
    }

    @Override
    public SendStream openUnidirectional() throws IOException {
        BytePipe pipe = newPipe();
        ReceiveStream remote = PipeStreams.receiver(pipe);
        peer.dispatch(remote, handler -> handler.onUnidirectional(remote), code -> { }, remote::abort);
        return PipeStreams.sender(pipe);
    }

    @Override
    public void close(long errorCode, String reason) {
        end(new SessionClose(errorCode, reason, false), new SessionClose(errorCode, reason, true));
    }

    @Override
    public CompletionStage<SessionClose> closed() {
        return closed;
    }

    private interface HandlerCall {
        void call(StreamHandler handler) throws Exception;
    }

    private interface Abort {
        void abort(long code);
    }

    private BytePipe newPipe() throws IOException {
        if (closed.isDone()) {
            throw new IOException("session closed: " + closed.join().reason());
        }
        opened.incrementAndGet();
        BytePipe pipe = new BytePipe(PIPE_CAPACITY);
        pipes.add(pipe);
        peer.pipes.add(pipe);
        return pipe;
    }

    private void dispatch(Object stream, HandlerCall call, Abort resetSend, Abort stopReceive) throws IOException {
        if (handlerThreads.incrementAndGet() > MAX_HANDLER_THREADS) {
            handlerThreads.decrementAndGet();
            throw new IOException("peer stream limit reached");
        }
        Thread thread = new Thread(() -> {
            try {
                StreamHandler current = handler;
                if (current != null) {
                    call.call(current);
                }
            } catch (Exception e) {
                resetSend.abort(1);
                stopReceive.abort(1);
            } finally {
                handlerThreads.decrementAndGet();
            }
        }, "pipe-stream-" + stream.hashCode());
        thread.setDaemon(true);
        thread.start();
    }

    private void end(SessionClose mine, SessionClose theirs) {
        boolean first = closed.complete(mine);
        peer.closed.complete(theirs);
        if (first) {
            String reason = "session closed: " + mine.reason();
            pipes.forEach(pipe -> pipe.breakPipe(reason));
            peer.pipes.forEach(pipe -> pipe.breakPipe(reason));
        }
    }
}

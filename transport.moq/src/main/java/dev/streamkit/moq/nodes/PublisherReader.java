package dev.streamkit.moq.nodes;

import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.moq.session.BroadcastConsumer;
import dev.streamkit.moq.session.MoqException;
import dev.streamkit.moq.session.MoqSession;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The peer's reading side for one input broadcast: one thread per publisher session waits for the announced
 * broadcast, reads its audio ({@link AudioInput}) and sends each Opus packet on the peer's pins for it
 * ({@link TrackPins}: the primary broadcast's unprefixed, with {@code out}; a further one's prefixed) through
 * the {@link Outputs} the engine gave the peer. Only the primary broadcast's reader reports the node's state. Such a send waits while a downstream mailbox is full,
 * which holds up only this publisher. When the reading ends the owner hears why.
 */
final class PublisherReader {

    /** Told, on the reader thread, that a publisher's reading ended. */
    interface Ended {
        void publisherLeft(MoqSession session, Outputs out, String why);
    }

    /** How long one wait for the announce lasts before it checks whether the session is still up. */
    private static final Duration ANNOUNCE_SLICE = Duration.ofSeconds(5);

    private final String nodeId;
    private final String broadcast;
    private final boolean primary;
    private final Ended ended;
    private final CompletableFuture<Outputs> attached = new CompletableFuture<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    /** A publisher left before: the next one makes the node {@code Running} again. */
    private volatile boolean recovering;

    /** Reads {@code broadcast}, the node's primary input when {@code primary}, else a further one. */
    PublisherReader(String nodeId, String broadcast, boolean primary, Ended ended) {
        this.nodeId = nodeId;
        this.broadcast = broadcast;
        this.primary = primary;
        this.ended = ended;
    }

    /** The engine started the peer: readers may send. */
    void attach(Outputs out) {
        attached.complete(out);
    }

    /** The peer's outputs once the engine started it, else {@code null}. */
    Outputs outputs() {
        return attached.isDone() && !attached.isCompletedExceptionally() ? attached.join() : null;
    }

    /** Starts reading {@code session}'s input broadcast on a thread of its own. */
    void read(MoqSession session) {
        Thread thread = new Thread(() -> run(session), "moq-peer-" + nodeId + "-reader-" + broadcast);
        thread.setDaemon(true);
        threads.add(thread);
        if (stopped) {
            threads.remove(thread);
            return;
        }
        thread.start();
    }

    /** Ends every reader (the node is closing); never waits. */
    void stop() {
        stopped = true;
        attached.cancel(false);
        for (Thread thread : threads) thread.interrupt();
    }

    private void run(MoqSession session) {
        Outputs out = null;
        String why = "publisher left";
        try {
            out = attached.get();
            if (recovering && primary) out.state(NodeState.RUNNING);
            AudioInput.pump(announced(session), AudioInput.CATALOG_WAIT,
                    primary ? TrackPins.primary(out) : TrackPins.prefixed(out, broadcast));
        } catch (MoqException e) {
            why = e.getMessage();
        } catch (InterruptedException | CancellationException | ExecutionException e) {
            why = "node ended";
        } finally {
            threads.remove(Thread.currentThread());
            if (out != null && !stopped) {
                recovering = true;
                ended.publisherLeft(session, out, why);
            } else {
                session.close(0, why);
            }
        }
    }

    /** The input broadcast, once the publisher announces it; fails when its session ends first. */
    private BroadcastConsumer announced(MoqSession session) throws MoqException, InterruptedException {
        while (true) {
            if (stopped) throw new InterruptedException("stopped");
            CompletableFuture<BroadcastConsumer> consumer = session.consume(broadcast, ANNOUNCE_SLICE).toCompletableFuture();
            try {
                return consumer.get();
            } catch (ExecutionException notYet) {
                // not announced within the slice: wait on while the session lasts
                if (session.closed().toCompletableFuture().isDone()) {
                    throw new MoqException(0, "publisher left before announcing '" + broadcast + "'");
                }
            }
        }
    }
}

package dev.streamkit.moq.lite;

import dev.streamkit.moq.session.LocalBroadcast;
import dev.streamkit.moq.wire.Announce;
import dev.streamkit.moq.wire.AnnounceInit;
import dev.streamkit.moq.wire.AnnounceInterest;
import dev.streamkit.moq.wire.MessageIo;
import dev.streamkit.moq.wire.MoqErrorCode;
import dev.streamkit.moq.wire.MoqVersion;
import dev.streamkit.moq.wire.ProtocolViolation;
import dev.streamkit.moq.wire.WireMessage;
import dev.streamkit.quic.BidiStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * This side's published broadcasts and the peer's announce streams listening to them. Each announce stream gets
 * the active broadcasts under its prefix at once (ANNOUNCE_INIT for lite-01/02, ANNOUNCEs for lite-03+), then one
 * ANNOUNCE per change.
 *
 * <p>NOTE: changes are queued per stream under this object's lock (so no stream misses or repeats one) and
 * written by the stream's own thread, so publishing never waits for a peer. A peer that lets more than
 * {@link MoqLimits#maxAnnounces()} changes pile up unread has its session closed (bounds exceeded).
 */
final class Announcer {

    private static final long POLL_MS = 500;

    private record Listener(String prefix, BlockingQueue<WireMessage> pending) {
    }

    private record Published(LocalBroadcast broadcast, AutoCloseable closeHandle) {
    }

    private final LiteSession session;
    private final Map<String, Published> published = new HashMap<>();
    private final List<Listener> listeners = new ArrayList<>();

    Announcer(LiteSession session) {
        this.session = session;
    }

    /** Publishes {@code broadcast} under {@code path} until it closes; replaces one already there. */
    void publish(String path, LocalBroadcast broadcast) {
        String normalized = BroadcastPaths.normalize(path);
        synchronized (this) {
            Published previous = published.remove(normalized);
            if (previous != null) {
                Quietly.close(previous.closeHandle());
            }
            published.put(normalized, new Published(broadcast, null));
        }
        AutoCloseable handle = broadcast.onClose(() -> unpublish(normalized, broadcast));
        synchronized (this) {
            Published entry = published.get(normalized);
            if (entry != null && entry.broadcast() == broadcast) {
                published.put(normalized, new Published(broadcast, handle));
                notifyListeners(normalized, true);
            } else {
                Quietly.close(handle);
            }
        }
    }

    /** The broadcast published at {@code path}, or {@code null}. */
    synchronized LocalBroadcast lookup(String path) {
        Published entry = published.get(BroadcastPaths.normalize(path));
        return entry == null ? null : entry.broadcast();
    }

    /**
     * Serves one announce stream (its type already read) on the calling thread until the peer ends it: the
     * current state first, then each change.
     */
    void serve(BidiStream stream) throws IOException {
        long version = session.version();
        AnnounceInterest interest = MessageIo.read(stream.input(), session.limits().maxMessageBytes(),
                reader -> AnnounceInterest.decode(reader, version));
        Listener listener = register(BroadcastPaths.normalize(interest.prefix()));
        AtomicBoolean ended = new AtomicBoolean();
        session.execute(() -> {
            try {
                if (stream.input().read() >= 0) {
                    session.violation(new ProtocolViolation(MoqErrorCode.UNEXPECTED_MESSAGE,
                            "data after ANNOUNCE_INTEREST"));
                }
            } catch (IOException e) {
                // the peer reset its side: it is not interested any more
            } finally {
                ended.set(true);
            }
        });
        try {
            OutputStream out = stream.output();
            while (!session.isClosed()) {
                WireMessage next = listener.pending().poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (next != null) {
                    MessageIo.write(out, next, version);
                    out.flush();
                    continue;
                }
                if (ended.get()) {
                    break;
                }
            }
            stream.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                listeners.remove(listener);
            }
        }
    }

    /** Forgets every broadcast and listener (the session ended). */
    synchronized void clear() {
        published.values().forEach(entry -> Quietly.close(entry.closeHandle()));
        published.clear();
        listeners.clear();
    }

    private synchronized Listener register(String prefix) {
        List<String> suffixes = new ArrayList<>();
        for (String path : published.keySet()) {
            String suffix = BroadcastPaths.suffix(prefix, path);
            if (suffix != null) {
                suffixes.add(suffix);
            }
        }
        Listener listener = new Listener(prefix,
                new ArrayBlockingQueue<>(suffixes.size() + session.limits().maxAnnounces() + 1));
        if (MoqVersion.isSetupEra(session.version())) {
            listener.pending().add(new AnnounceInit(suffixes));
        } else {
            suffixes.forEach(suffix -> listener.pending().add(new Announce(true, suffix)));
        }
        listeners.add(listener);
        return listener;
    }

    private void unpublish(String path, LocalBroadcast broadcast) {
        synchronized (this) {
            Published entry = published.get(path);
            if (entry == null || entry.broadcast() != broadcast) {
                return;
            }
            published.remove(path);
            notifyListeners(path, false);
        }
    }

    private void notifyListeners(String path, boolean active) {
        for (Listener listener : listeners) {
            String suffix = BroadcastPaths.suffix(listener.prefix(), path);
            if (suffix != null && !listener.pending().offer(new Announce(active, suffix))) {
                session.execute(() -> session.violation(new ProtocolViolation(MoqErrorCode.BOUNDS_EXCEEDED,
                        "peer left more than " + session.limits().maxAnnounces() + " announcements unread")));
            }
        }
    }
}

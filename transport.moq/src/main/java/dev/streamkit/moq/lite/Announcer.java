package dev.streamkit.moq.lite;

import dev.streamkit.moq.session.LocalBroadcast;
import dev.streamkit.moq.wire.Announce;
import dev.streamkit.moq.wire.AnnounceInit;
import dev.streamkit.moq.wire.AnnounceInterest;
import dev.streamkit.moq.wire.MessageIo;
import dev.streamkit.moq.wire.MoqErrorCode;
import dev.streamkit.moq.wire.MoqVersion;
import dev.streamkit.moq.wire.ProtocolViolation;
import dev.streamkit.quic.BidiStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * This side's published broadcasts and the peer's announce streams listening to them. Each announce stream gets
 * the active broadcasts under its prefix at once (ANNOUNCE_INIT for lite-01/02, ANNOUNCEs for lite-03+), then one
 * ANNOUNCE per change. NOTE: writes happen under this object's lock so that no stream misses or repeats a change.
 */
final class Announcer {

    private record Listener(String prefix, OutputStream out) {
    }

    private record Published(LocalBroadcast broadcast, AutoCloseable closeHandle) {
    }

    private final long version;
    private final Map<String, Published> published = new HashMap<>();
    private final List<Listener> listeners = new ArrayList<>();

    Announcer(long version) {
        this.version = version;
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
     * Serves one announce stream (its type already read) on the calling thread until the peer ends it: sends the
     * current state, then holds the stream while changes are written to it.
     */
    void serve(BidiStream stream, int maxMessageBytes) throws IOException {
        AnnounceInterest interest = MessageIo.read(stream.input(), maxMessageBytes,
                reader -> AnnounceInterest.decode(reader, version));
        String prefix = BroadcastPaths.normalize(interest.prefix());
        Listener listener = new Listener(prefix, stream.output());
        synchronized (this) {
            List<String> suffixes = new ArrayList<>();
            for (String path : published.keySet()) {
                String suffix = BroadcastPaths.suffix(prefix, path);
                if (suffix != null) {
                    suffixes.add(suffix);
                }
            }
            if (MoqVersion.isSetupEra(version)) {
                MessageIo.write(listener.out(), new AnnounceInit(suffixes), version);
            } else {
                for (String suffix : suffixes) {
                    MessageIo.write(listener.out(), new Announce(true, suffix), version);
                }
            }
            listener.out().flush();
            listeners.add(listener);
        }
        try {
            if (stream.input().read() >= 0) {
                throw new ProtocolViolation(MoqErrorCode.UNEXPECTED_MESSAGE, "data after ANNOUNCE_INTEREST");
            }
            stream.finish();
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
        List<Listener> broken = new ArrayList<>();
        for (Listener listener : listeners) {
            String suffix = BroadcastPaths.suffix(listener.prefix(), path);
            if (suffix == null) {
                continue;
            }
            try {
                MessageIo.write(listener.out(), new Announce(active, suffix), version);
                listener.out().flush();
            } catch (IOException e) {
                broken.add(listener);
            }
        }
        listeners.removeAll(broken);
    }
}

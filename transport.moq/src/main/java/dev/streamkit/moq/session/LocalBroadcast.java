package dev.streamkit.moq.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A broadcast held in memory: named {@link LocalTrack}s, each bounded by {@link TrackBounds}. The producer side
 * is this object; {@link #consumer()} gives readers for the nodes, and a {@link MoqSession} that
 * {@link MoqSession#publish publishes} it serves the peer's subscriptions from the same tracks, so one broadcast
 * feeds any number of local and remote subscribers at once.
 *
 * <p>Subscribing to a track that does not exist gives a consumer failing with code 13 (not found); once the
 * broadcast is closed, with code 25 (closed).
 */
public final class LocalBroadcast implements BroadcastProducer {

    /** The code of a subscription to a track that does not exist. */
    public static final long NOT_FOUND_CODE = 13;
    /** The code of a subscription to a closed broadcast. */
    public static final long CLOSED_CODE = 25;

    private final String path;
    private final TrackBounds bounds;
    private final Map<String, LocalTrack> tracks = new ConcurrentHashMap<>();
    private final List<Runnable> closeListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** A broadcast at {@code path} with {@link TrackBounds#DEFAULT} tracks. */
    public LocalBroadcast(String path) {
        this(path, TrackBounds.DEFAULT);
    }

    public LocalBroadcast(String path, TrackBounds bounds) {
        this.path = path;
        this.bounds = bounds;
    }

    /** The broadcast's path. */
    public String path() {
        return path;
    }

    @Override
    public synchronized TrackProducer createTrack(String name, int priority) {
        if (closed) {
            throw new IllegalStateException("broadcast " + path + " is closed");
        }
        if (tracks.containsKey(name)) {
            throw new IllegalStateException("track " + name + " already exists in " + path);
        }
        LocalTrack track = new LocalTrack(name, priority, bounds);
        tracks.put(name, track);
        return track;
    }

    /** Track {@code name}, or {@code null}. */
    public LocalTrack track(String name) {
        return tracks.get(name);
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Readers of this broadcast's tracks. */
    public BroadcastConsumer consumer() {
        return new BroadcastConsumer() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public TrackConsumer subscribe(String track, int priority) {
                return subscribeLocal(track);
            }
        };
    }

    /** A consumer of track {@code name}, failing with {@link #NOT_FOUND_CODE} or {@link #CLOSED_CODE} when it cannot be read. */
    public TrackConsumer subscribeLocal(String name) {
        LocalTrack track = tracks.get(name);
        if (closed || track == null) {
            LocalTrack failed = new LocalTrack(name, 0, bounds);
            failed.fail(closed ? new MoqException(CLOSED_CODE, "broadcast " + path + " is closed")
                    : new MoqException(NOT_FOUND_CODE, "track " + name + " not found in " + path));
            return failed.subscribe();
        }
        return track.subscribe();
    }

    /**
     * Runs {@code listener} once when the broadcast closes (at once if it already has); closing the returned
     * handle unregisters it.
     */
    public AutoCloseable onClose(Runnable listener) {
        closeListeners.add(listener);
        if (closed && closeListeners.remove(listener)) {
            listener.run();
        }
        return () -> closeListeners.remove(listener);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        tracks.values().forEach(LocalTrack::close);
        List<Runnable> listeners = new ArrayList<>(closeListeners);
        closeListeners.clear();
        listeners.forEach(Runnable::run);
    }
}

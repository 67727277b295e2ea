package dev.streamkit.itests;

import dev.streamkit.moq.session.BroadcastConsumer;
import dev.streamkit.moq.session.GroupConsumer;
import dev.streamkit.moq.session.MoqException;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.moq.session.TrackConsumer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Watches the audio track of a hang broadcast on a moq-lite session and counts the frames that arrive, on a
 * thread of its own. The thread stops at {@link #close()}, when the track ends or fails (see {@link #failure()}),
 * or after {@link #MAX_LIFETIME} at the latest.
 */
final class HangWatcher implements AutoCloseable {

    static final Duration MAX_LIFETIME = Duration.ofSeconds(150);
    static final Duration SETTLE_QUIET = Duration.ofSeconds(1);
    static final Duration SETTLE_MAX = Duration.ofSeconds(10);
    private static final Duration SLICE = Duration.ofMillis(200);

    private final MoqSession session;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile long lastFrameNanos;

    private HangWatcher(MoqSession session, TrackConsumer track) {
        this.session = session;
        this.thread = new Thread(() -> read(track), "hang-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Subscribes to {@code broadcast}'s audio (announced within 10 s) on {@code session}. */
    static HangWatcher watch(MoqSession session, String broadcast) throws Exception {
        BroadcastConsumer consumer = session.consume(broadcast, Duration.ofSeconds(10)).toCompletableFuture()
                .get(15, TimeUnit.SECONDS);
        return new HangWatcher(session, consumer.subscribe(HangPublisher.AUDIO_TRACK, 80));
    }

    private void read(TrackConsumer track) {
        long end = System.nanoTime() + MAX_LIFETIME.toNanos();
        try (track) {
            GroupConsumer group = null;
            while (!closed && System.nanoTime() < end) {
                try {
                    if (group == null) {
                        group = track.nextGroup(SLICE);
                        if (group == null) return;
                    }
                    byte[] frame = group.readFrame(SLICE);
                    if (frame == null) group = null;
                    else {
                        frames.incrementAndGet();
                        lastFrameNanos = System.nanoTime();
                    }
                } catch (TimeoutException idle) {
                    // nothing yet: check whether to stop
                }
            }
        } catch (MoqException e) {
            failure.set(e.getMessage());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** Frames received so far. */
    long frames() {
        return frames.get();
    }

    /**
     * The frame count once no frame arrived for {@link #SETTLE_QUIET} (what the server still held has come),
     * waiting at most {@link #SETTLE_MAX}.
     */
    long settled() throws InterruptedException {
        return settle(this::frames);
    }

    /** The frames of all {@code watchers} once none of them received one for {@link #SETTLE_QUIET} (see {@link #settled()}). */
    static long settled(List<HangWatcher> watchers) throws InterruptedException {
        return settle(() -> watchers.stream().mapToLong(HangWatcher::frames).sum());
    }

    private static long settle(LongSupplier frames) throws InterruptedException {
        long end = System.nanoTime() + SETTLE_MAX.toNanos();
        long count = frames.getAsLong();
        while (System.nanoTime() < end) {
            Thread.sleep(SETTLE_QUIET.toMillis());
            long now = frames.getAsLong();
            if (now == count) return now;
            count = now;
        }
        return count;
    }

    /** How long ago the last frame arrived, in ms (-1: none yet). */
    long millisSinceLastFrame() {
        long last = lastFrameNanos;
        return last == 0 ? -1 : (System.nanoTime() - last) / 1_000_000;
    }

    /** Why the track failed, or {@code null}. */
    String failure() {
        return failure.get();
    }

    /** Whether the watcher's session is still open. */
    boolean sessionOpen() {
        return !session.closed().toCompletableFuture().isDone();
    }

    /** Stops reading and closes the session. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.join(SLICE.toMillis() * 5);
        session.close(0, "watcher done");
    }
}

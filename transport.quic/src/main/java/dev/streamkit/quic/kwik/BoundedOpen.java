package dev.streamkit.quic.kwik;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the wait for stream credit: kwik's {@code createStream} blocks until the peer allows another stream,
 * without a limit. The opening thread is interrupted after the timeout (kwik then gives up on the stream), and
 * the caller gets an {@link IOException} saying that the peer's stream limit is reached.
 */
final class BoundedOpen {

    /** What opens a stream (may block on the peer's stream limit). */
    interface Opener<T> {
        T open() throws IOException;
    }

    private BoundedOpen() {
    }

    static <T> T open(Opener<T> opener, Duration timeout) throws IOException {
        Thread caller = Thread.currentThread();
        Object lock = new Object();
        boolean[] finished = {false};
        boolean[] fired = {false};
        ScheduledFuture<?> alarm = Timers.TIMER.schedule(() -> {
            synchronized (lock) {
                if (!finished[0]) {
                    fired[0] = true;
                    caller.interrupt();
                }
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return opener.open();
        } catch (RuntimeException e) {
            // kwik turns an interrupted wait for stream credit into a RuntimeException
            throw new IOException("no stream credit within " + timeout.toMillis() + " ms: the peer's stream limit is reached", e);
        } finally {
            synchronized (lock) {
                finished[0] = true;
            }
            alarm.cancel(false);
            if (fired[0]) Thread.interrupted(); // the alarm's interrupt is not the caller's
        }
    }
}

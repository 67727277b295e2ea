package dev.streamkit.moq.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * One group held in memory: its frames in order, then finished or aborted. Any number of {@link #reader()}s
 * read it from the first frame, each at its own pace. The payload is capped at the track's
 * {@link TrackBounds#maxGroupBytes()}: a frame past it aborts the group with code 11 (bounds exceeded).
 */
public final class LocalGroup implements GroupProducer {

    /** The code a group is aborted with when it outgrows its byte cap. */
    public static final long TOO_LARGE_CODE = 11;

    private final long sequence;
    private final int maxBytes;
    private final List<byte[]> frames = new ArrayList<>();
    private int bytes;
    private boolean finished;
    private MoqException failure;

    LocalGroup(long sequence, int maxBytes) {
        this.sequence = sequence;
        this.maxBytes = maxBytes;
    }

    @Override
    public long sequence() {
        return sequence;
    }

    /** Appends a frame; ignored once the group ended. */
    @Override
    public synchronized void writeFrame(byte[] payload) {
        if (finished || failure != null) {
            return;
        }
        if ((long) bytes + payload.length > maxBytes) {
            fail(new MoqException(TOO_LARGE_CODE, "group " + sequence + " exceeds " + maxBytes + " bytes"));
            return;
        }
        bytes += payload.length;
        frames.add(payload);
        notifyAll();
    }

    @Override
    public synchronized void finish() {
        if (failure == null) {
            finished = true;
            notifyAll();
        }
    }

    @Override
    public void abort(long errorCode) {
        fail(new MoqException(errorCode, "group " + sequence + " aborted with code " + errorCode));
    }

    /** Ends the group with {@code cause} unless it already finished; readers then fail with it. */
    public synchronized void fail(MoqException cause) {
        if (!finished && failure == null) {
            failure = cause;
            notifyAll();
        }
    }

    /** Whether the group finished or was aborted. */
    public synchronized boolean isEnded() {
        return finished || failure != null;
    }

    /** A new reader starting at the first frame. */
    public GroupConsumer reader() {
        return new Reader();
    }

    private synchronized byte[] frameAt(int index, Duration timeout)
            throws MoqException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (failure != null) {
                throw new MoqException(failure.errorCode(), failure.getMessage());
            }
            if (index < frames.size()) {
                return frames.get(index);
            }
            if (finished) {
                return null;
            }
            Deadlines.await(this, deadline, "no frame in group " + sequence + " within " + timeout);
        }
    }

    private final class Reader implements GroupConsumer {
        private int next;

        @Override
        public long sequence() {
            return sequence;
        }

        @Override
        public byte[] readFrame(Duration timeout) throws MoqException, TimeoutException, InterruptedException {
            byte[] frame = frameAt(next, timeout);
            if (frame != null) {
                next++;
            }
            return frame;
        }
    }
}

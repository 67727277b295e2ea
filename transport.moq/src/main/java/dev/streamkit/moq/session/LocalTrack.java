package dev.streamkit.moq.session;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A track held in memory: the newest {@link TrackBounds#maxGroups()} groups by sequence, read by any number of
 * {@link #subscribe() consumers}. The local producer {@link #appendGroup() appends}; the protocol layer
 * {@link #insertGroup(long) inserts} groups arriving from the wire in any order. Each consumer reads groups in
 * sequence order and never goes back: a group older than one it already read is late and it never sees it; a
 * consumer behind the oldest kept group skips to it (live media, bounded memory). With a
 * {@link TrackBounds#reorderWindow()}, a reader that finds a gap waits that long for the missing group first.
 * A group that drops out of the kept ones unfinished (its stream stalled while newer groups kept coming) is
 * finished there: a reader inside it reads what it got, then goes on to the later groups instead of waiting
 * for an end that may never come.
 *
 * <p>Ending: {@link #close()} lets consumers read what is kept, then they get {@code null}; {@link #abort}
 * fails consumers at once with a {@link MoqException}. Thread-safe; consumers wait on this object's monitor.
 */
public final class LocalTrack implements TrackProducer {

    private final String name;
    private final int priority;
    private final TrackBounds bounds;
    private final TreeMap<Long, LocalGroup> groups = new TreeMap<>();
    private long nextSequence;
    private boolean closed;
    private MoqException failure;
    private int consumers;

    public LocalTrack(String name, int priority, TrackBounds bounds) {
        this.name = name;
        this.priority = priority;
        this.bounds = bounds;
    }

    /** The track's name within its broadcast. */
    public String name() {
        return name;
    }

    /** The producer's delivery priority (0-255). */
    public int priority() {
        return priority;
    }

    @Override
    public synchronized GroupProducer appendGroup() {
        if (closed || failure != null) {
            throw new IllegalStateException("track " + name + " has ended");
        }
        if (!groups.isEmpty()) {
            groups.lastEntry().getValue().finish();
        }
        return insertGroup(nextSequence);
    }

    /**
     * Adds group {@code sequence} as it arrives from the wire; {@code null} when it is a duplicate, older than
     * every kept group once the track is full, or the track has ended (the caller discards its frames).
     */
    public synchronized LocalGroup insertGroup(long sequence) {
        if (closed || failure != null || groups.containsKey(sequence)) {
            return null;
        }
        if (groups.size() >= bounds.maxGroups() && sequence < groups.firstKey()) {
            return null;
        }
        LocalGroup group = new LocalGroup(sequence, bounds.maxGroupBytes());
        groups.put(sequence, group);
        while (groups.size() > bounds.maxGroups()) {
            // a group still unfinished when it drops out is skipped: its readers reach its end and go on
            groups.pollFirstEntry().getValue().finish();
        }
        nextSequence = Math.max(nextSequence, sequence + 1);
        notifyAll();
        return group;
    }

    /** How many groups are held now (at most {@link TrackBounds#maxGroups()}). */
    public synchronized int heldGroups() {
        return groups.size();
    }

    @Override
    public synchronized int consumerCount() {
        return consumers;
    }

    /** Whether the track was closed or aborted. */
    public synchronized boolean isEnded() {
        return closed || failure != null;
    }

    /** A consumer starting at the newest kept group (or the next one to come). */
    public synchronized TrackConsumer subscribe() {
        consumers++;
        long start = groups.isEmpty() ? 0 : groups.lastKey();
        return new Reader(start);
    }

    @Override
    public synchronized void close() {
        if (closed || failure != null) {
            return;
        }
        closed = true;
        groups.values().forEach(LocalGroup::finish);
        notifyAll();
    }

    @Override
    public void abort(long errorCode) {
        fail(new MoqException(errorCode, "track " + name + " aborted with code " + errorCode));
    }

    /** Ends the track with {@code cause}: consumers and unfinished groups fail with it. */
    public synchronized void fail(MoqException cause) {
        if (closed || failure != null) {
            return;
        }
        failure = cause;
        groups.values().forEach(group -> group.fail(cause));
        notifyAll();
    }

    private synchronized GroupConsumer next(Reader reader, Duration timeout)
            throws MoqException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (failure != null) {
                throw new MoqException(failure.errorCode(), failure.getMessage());
            }
            if (reader.closed) {
                return null;
            }
            Map.Entry<Long, LocalGroup> entry = groups.ceilingEntry(reader.nextWanted);
            if (entry != null && awaitingMissingGroup(reader, entry.getKey())) {
                long wake = Math.min(reader.gapDeadline, deadline);
                long left = wake - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } else if (deadline - System.nanoTime() <= 0) {
                    throw new TimeoutException("still waiting for group " + reader.nextWanted + " on track " + name);
                }
                continue;
            }
            if (entry != null) {
                reader.nextWanted = entry.getKey() + 1;
                reader.started = true;
                reader.gapDeadline = 0;
                return entry.getValue().reader();
            }
            if (closed) {
                return null;
            }
            Deadlines.await(this, deadline, "no group on track " + name + " within " + timeout);
        }
    }

    /**
     * Whether {@code reader}, offered group {@code available} while it wants an earlier one, should still wait
     * for the missing group: only after its first group, within the reorder window, and while that group could
     * still be kept.
     */
    private boolean awaitingMissingGroup(Reader reader, long available) {
        if (!reader.started || available == reader.nextWanted || closed || bounds.reorderWindow().isZero()) {
            return false;
        }
        if (groups.size() >= bounds.maxGroups() && reader.nextWanted < groups.firstKey()) {
            return false;
        }
        long now = System.nanoTime();
        if (reader.gapDeadline == 0) {
            reader.gapDeadline = now + bounds.reorderWindow().toNanos();
        }
        return now - reader.gapDeadline < 0;
    }

    private synchronized void release(Reader reader) {
        if (!reader.closed) {
            reader.closed = true;
            consumers--;
            notifyAll();
        }
    }

    private final class Reader implements TrackConsumer {
        private long nextWanted;
        private boolean started;
        private long gapDeadline;
        private boolean closed;

        Reader(long nextWanted) {
            this.nextWanted = nextWanted;
        }

        @Override
        public GroupConsumer nextGroup(Duration timeout) throws MoqException, TimeoutException, InterruptedException {
            return next(this, timeout);
        }

        @Override
        public void close() {
            release(this);
        }
    }
}

package dev.streamkit.moq.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/**
 * One direction of an in-memory stream: a bounded byte ring (writers block when it is full, like QUIC flow
 * control), a clean finish, a reset with a code (reads fail), and a stop from the reader (writes fail). Every
 * wait is bounded by {@link #WAIT_LIMIT_SECONDS} so a broken test cannot hang.
 */
final class BytePipe {

    static final long WAIT_LIMIT_SECONDS = 30;

    private final byte[] ring;
    private int head;
    private int size;
    private boolean finished;
    private Long resetCode;
    private Long stopCode;
    private String brokenReason;

    BytePipe(int capacity) {
        ring = new byte[capacity];
    }

    final InputStream input = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            return take(target, offset, length);
        }
    };

    final OutputStream output = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] source, int offset, int length) throws IOException {
            put(source, offset, length);
        }

        @Override
        public void close() {
            finish();
        }
    };

    synchronized void finish() {
        finished = true;
        notifyAll();
    }

    synchronized void reset(long code) {
        if (!finished && resetCode == null) {
            resetCode = code;
        }
        notifyAll();
    }

    synchronized void stop(long code) {
        if (stopCode == null) {
            stopCode = code;
        }
        notifyAll();
    }

    /** The session ended: both ends fail from now on. */
    synchronized void breakPipe(String reason) {
        brokenReason = reason;
        notifyAll();
    }

    private synchronized int take(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_LIMIT_SECONDS);
        while (true) {
            if (stopCode != null) {
                throw new IOException("stream stopped by reader with code " + stopCode);
            }
            if (resetCode != null) {
                throw new IOException("stream reset with code " + resetCode);
            }
            if (size > 0) {
                int n = Math.min(length, size);
                for (int i = 0; i < n; i++) {
                    target[offset + i] = ring[(head + i) % ring.length];
                }
                head = (head + n) % ring.length;
                size -= n;
                notifyAll();
                return n;
            }
            if (finished) {
                return -1;
            }
            if (brokenReason != null) {
                throw new IOException(brokenReason);
            }
            awaitUntil(deadline);
        }
    }

    private synchronized void put(byte[] source, int offset, int length) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_LIMIT_SECONDS);
        int written = 0;
        while (written < length) {
            if (brokenReason != null) {
                throw new IOException(brokenReason);
            }
            if (stopCode != null) {
                throw new IOException("peer stopped reading with code " + stopCode);
            }
            if (finished || resetCode != null) {
                throw new IOException("stream already ended");
            }
            if (size == ring.length) {
                awaitUntil(deadline);
                continue;
            }
            int n = Math.min(length - written, ring.length - size);
            for (int i = 0; i < n; i++) {
                ring[(head + size + i) % ring.length] = source[offset + written + i];
            }
            size += n;
            written += n;
            notifyAll();
        }
    }

    private void awaitUntil(long deadline) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new IOException("pipe wait exceeded " + WAIT_LIMIT_SECONDS + " s");
        }
        try {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

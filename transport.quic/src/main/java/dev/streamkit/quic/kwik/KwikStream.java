package dev.streamkit.quic.kwik;

import dev.streamkit.quic.BidiStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import tech.kwik.flupke.HttpStream;

/**
 * One WebTransport stream over a flupke {@link HttpStream}, seen as the project's {@link BidiStream} (a
 * unidirectional stream uses only its receiving or its sending half). It tells its session when both halves are
 * done, so that the session forgets it: a long session with many short streams keeps no trace of them.
 */
final class KwikStream implements BidiStream {

    private final HttpStream stream;
    private final InputStream input;
    private final OutputStream output;
    private final AtomicBoolean receiveDone;
    private final AtomicBoolean sendDone;
    private final Runnable onDone;
    private final AtomicBoolean reported = new AtomicBoolean();

    /**
     * @param hasReceive whether this side reads the stream
     * @param hasSend    whether this side writes the stream
     * @param onDone     called once both used halves have ended
     */
    KwikStream(HttpStream stream, boolean hasReceive, boolean hasSend, Runnable onDone) {
        this.stream = stream;
        this.onDone = onDone;
        this.receiveDone = new AtomicBoolean(!hasReceive);
        this.sendDone = new AtomicBoolean(!hasSend);
        this.input = hasReceive ? new TrackedInput(stream.getInputStream()) : InputStream.nullInputStream();
        this.output = hasSend ? new TrackedOutput(stream.getOutputStream()) : OutputStream.nullOutputStream();
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void abort(long errorCode) {
        endHalf(receiveDone, () -> stream.abortReading(errorCode));
    }

    @Override
    public void finish() throws IOException {
        if (sendDone.compareAndSet(false, true)) {
            try {
                stream.getOutputStream().close();
            } finally {
                maybeDone();
            }
        }
    }

    @Override
    public void reset(long errorCode) {
        endHalf(sendDone, () -> stream.resetStream(errorCode));
    }

    /** Ends one half with {@code action} unless it already ended; a connection already gone is no error. */
    private void endHalf(AtomicBoolean done, Runnable action) {
        if (!done.compareAndSet(false, true)) return;
        try {
            action.run();
        } catch (RuntimeException ignored) {
            // connection already gone
        }
        maybeDone();
    }

    /** Whether both used halves have ended. */
    boolean isDone() {
        return reported.get();
    }

    /** Ends both halves with {@code errorCode} (the session is going away). */
    void terminate(long errorCode) {
        reset(errorCode);
        abort(errorCode);
    }

    private void receiveEnded() {
        if (receiveDone.compareAndSet(false, true)) maybeDone();
    }

    private void maybeDone() {
        if (receiveDone.get() && sendDone.get() && reported.compareAndSet(false, true)) onDone.run();
    }

    private final class TrackedInput extends FilterInputStream {

        TrackedInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = readTracked(() -> super.read());
            if (b < 0) receiveEnded();
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = readTracked(() -> super.read(buffer, offset, length));
            if (n < 0) receiveEnded();
            return n;
        }

        private int readTracked(IoRead read) throws IOException {
            try {
                return read.run();
            } catch (IOException | RuntimeException e) {
                receiveEnded();
                throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            abort(0);
        }
    }

    private interface IoRead {
        int run() throws IOException;
    }

    private final class TrackedOutput extends FilterOutputStream {

        TrackedOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            if (sendDone.get()) throw new IOException("stream already finished or reset");
            out.write(buffer, offset, length);
        }

        @Override
        public void write(int b) throws IOException {
            if (sendDone.get()) throw new IOException("stream already finished or reset");
            out.write(b);
        }

        @Override
        public void close() throws IOException {
            finish();
        }
    }
}

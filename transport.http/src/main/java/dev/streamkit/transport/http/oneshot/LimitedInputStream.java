package dev.streamkit.transport.http.oneshot;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts bytes read and fails with {@link RequestBodyTooLargeException} once more than the limit arrived. */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;
    private volatile boolean exceeded;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Whether the limit was passed. */
    public boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) account(1);
        return b;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        int n = super.read(target, offset, length);
        if (n > 0) account(n);
        return n;
    }

    private void account(int n) throws RequestBodyTooLargeException {
        count += n;
        if (count > limit) {
            exceeded = true;
            throw new RequestBodyTooLargeException(limit);
        }
    }
}

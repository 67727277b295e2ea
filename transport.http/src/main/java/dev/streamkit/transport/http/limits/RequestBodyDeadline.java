package dev.streamkit.transport.http.limits;

import dev.streamkit.transport.http.api.Responses;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Bounds the wait for a request body. HTTP/1: while a request that announces a body has not delivered its
 * last byte, its connection's idle timeout is {@link SlowClientLimits#bodyIdleTimeout} (the connector's own
 * otherwise). HTTP/2, whose streams share their connection: while the handler waits for body bytes, the body
 * must keep {@link SlowClientLimits#minBytesPerSecond} on average once past {@link SlowClientLimits#bodyGrace}
 * ({@link BodyProgress}, sampled by the {@link SlowClientGuard}), else the request fails with a timeout. A
 * route whose body read timed out is answered 408 {@value #MESSAGE} (HTTP/1 with {@code Connection: close})
 * instead of a 500.
 */
public final class RequestBodyDeadline extends Handler.Wrapper {

    static final String MESSAGE = "Request body not received in time";

    /** What one request's body is watched by: told of each read, ended with the request. */
    private interface BodyWatch {
        void onRead(Content.Chunk chunk);

        void end();
    }

    private final SlowClientGuard guard;

    public RequestBodyDeadline(SlowClientGuard guard, Handler next) {
        super(next);
        this.guard = guard;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean hasBody = request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (!hasBody) return super.handle(request, response, callback);
        boolean http1 = request.getConnectionMetaData().getHttpVersion().getVersion() < 20;
        BodyWatch watch = http1 ? idleTimeoutWatch(request) : rateWatch(request);
        Callback ending = new Callback.Nested(callback) {
            @Override
            public void completed() {
                watch.end();
            }
        };
        try {
            return super.handle(new Request.Wrapper(request) {
                @Override
                public Content.Chunk read() {
                    Content.Chunk chunk = super.read();
                    watch.onRead(chunk);
                    return chunk;
                }
            }, response, ending);
        } catch (Exception e) {
            if (!timedOut(e) || response.isCommitted()) throw e;
            if (http1) response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Responses.text(response, ending, 408, MESSAGE);
            return true;
        }
    }

    /** HTTP/1: the connection's idle timeout is the body's until its last byte. */
    private BodyWatch idleTimeoutWatch(Request request) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        long usual = endPoint.getIdleTimeout();
        endPoint.setIdleTimeout(guard.limits().bodyIdleTimeout().toMillis());
        return new BodyWatch() {
            @Override
            public void onRead(Content.Chunk chunk) {
                if (chunk != null && chunk.isLast()) end();
            }

            @Override
            public void end() {
                endPoint.setIdleTimeout(usual);
            }
        };
    }

    /** HTTP/2: the body's rate, sampled by the guard, which fails the request when it is too slow. */
    private BodyWatch rateWatch(Request request) {
        SlowClientLimits limits = guard.limits();
        BodyProgress progress = new BodyProgress(System.nanoTime(), limits.bodyGrace().toNanos(), limits.minBytesPerSecond());
        AutoCloseable watching = guard.watchBody(progress, () -> request.fail(new TimeoutException(MESSAGE)));
        return new BodyWatch() {
            @Override
            public void onRead(Content.Chunk chunk) {
                progress.onRead(chunk == null ? null : chunk.remaining(), chunk != null && chunk.isLast());
                if (progress.isComplete()) end();
            }

            @Override
            public void end() {
                try {
                    watching.close();
                } catch (Exception cannotFail) {
                    // removing from a map
                }
            }
        };
    }

    private static boolean timedOut(Throwable failure) {
        for (int depth = 0; failure != null && depth < 16; depth++, failure = failure.getCause()) {
            if (failure instanceof TimeoutException) return true;
        }
        return false;
    }
}

package dev.streamkit.transport.http.limits;

import dev.streamkit.transport.http.api.Responses;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Bounds the wait for an HTTP/1 request body: while a request that announces a body has not delivered its
 * last byte, its connection's idle timeout is {@link #BODY_IDLE_TIMEOUT} (the connector's own otherwise), and
 * a route whose body read timed out is answered 408 {@value #MESSAGE} with {@code Connection: close} instead
 * of a 500. HTTP/2 streams share their connection and keep its timeout.
 */
public final class RequestBodyDeadline extends Handler.Wrapper {

    public static final Duration BODY_IDLE_TIMEOUT = Duration.ofSeconds(10);
    static final String MESSAGE = "Request body not received in time";

    public RequestBodyDeadline(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean http1 = request.getConnectionMetaData().getHttpVersion().getVersion() < 20;
        boolean hasBody = request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (!http1 || !hasBody) return super.handle(request, response, callback);
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        long usual = endPoint.getIdleTimeout();
        Runnable restore = () -> endPoint.setIdleTimeout(usual);
        endPoint.setIdleTimeout(BODY_IDLE_TIMEOUT.toMillis());
        Callback restoring = new Callback.Nested(callback) {
            @Override
            public void completed() {
                restore.run();
            }
        };
        try {
            return super.handle(new Request.Wrapper(request) {
                @Override
                public Content.Chunk read() {
                    Content.Chunk chunk = super.read();
                    if (chunk != null && chunk.isLast()) restore.run();
                    return chunk;
                }
            }, response, restoring);
        } catch (Exception e) {
            if (!timedOut(e) || response.isCommitted()) throw e;
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Responses.text(response, restoring, 408, MESSAGE);
            return true;
        }
    }

    private static boolean timedOut(Throwable failure) {
        for (int depth = 0; failure != null && depth < 16; depth++, failure = failure.getCause()) {
            if (failure instanceof TimeoutException) return true;
        }
        return false;
    }
}

package dev.streamkit.transport.http.oneshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * The response body of a oneshot request, written by the pipeline's output node and ended by the
 * handler. The status line is held back until the first byte, so a pipeline that fails before
 * producing anything is still answered with a proper error status. Writes block: a slow client
 * slows the pipeline instead of filling memory.
 */
final class ResponseStream {

    private final Response response;
    private final Callback callback;
    private String contentType = "application/octet-stream";
    private boolean committed;
    private boolean ended;

    ResponseStream(Response response, Callback callback) {
        this.response = response;
        this.callback = callback;
    }

    synchronized void contentType(String value) {
        this.contentType = value;
    }

    /** Sends bytes, committing a 200 with the content type first. */
    synchronized void write(byte[] data) throws IOException {
        if (ended) throw new IOException("response already ended");
        commit();
        try (Blocker.Callback blocker = Blocker.callback()) {
            response.write(false, ByteBuffer.wrap(data), blocker);
            blocker.block();
        }
    }

    /** Ends a successful response (an empty body if nothing was written). */
    synchronized void complete() {
        if (ended) return;
        ended = true;
        commit();
        response.write(true, null, callback);
    }

    /**
     * Ends a failed response: a plain-text error with {@code status} if nothing was sent yet, otherwise the
     * connection is aborted so that the client sees a truncated body rather than a false success.
     */
    synchronized void fail(int status, String message, Throwable cause) {
        if (ended) return;
        ended = true;
        if (committed) {
            callback.failed(cause);
            return;
        }
        committed = true;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private void commit() {
        if (committed) return;
        committed = true;
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    }
}

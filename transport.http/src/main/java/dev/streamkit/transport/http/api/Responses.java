package dev.streamkit.transport.http.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes complete responses: JSON documents and StreamKit's plain-text errors. */
public final class Responses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    /** Sends {@code body} serialized as JSON with status 200. */
    public static void json(Response response, Callback callback, Object body) {
        json(response, callback, 200, body);
    }

    /** Sends {@code body} serialized as JSON. */
    public static void json(Response response, Callback callback, int status, Object body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            text(response, callback, 500, "Cannot serialize response: " + e.getOriginalMessage());
            return;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** Sends a plain-text body (StreamKit's error format). */
    public static void text(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)), callback);
    }
}

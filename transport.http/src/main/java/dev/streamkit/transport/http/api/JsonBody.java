package dev.streamkit.transport.http.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reads a route's JSON body up to a size limit, and its fields. */
public final class JsonBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBody() {
    }

    /**
     * The body as JSON; an empty body reads as a missing node. 413 above {@code limitBytes}, 400 when it is not
     * JSON, each with StreamKit's text.
     */
    public static JsonNode read(Request request, int limitBytes) throws IOException, HttpStatusException {
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(limitBytes + 1);
        }
        if (bytes.length > limitBytes) throw new HttpStatusException(413, "Request body is larger than " + limitBytes + " bytes");
        if (bytes.length == 0) return MissingNode.getInstance();
        try {
            JsonNode body = JSON.readTree(bytes);
            return body == null ? MissingNode.getInstance() : body;
        } catch (JsonProcessingException e) {
            throw new HttpStatusException(400, "Invalid JSON body: " + e.getOriginalMessage());
        }
    }

    /** The text field {@code name}, or {@code null} when absent or not text. */
    public static String text(JsonNode body, String name) {
        JsonNode value = body.path(name);
        return value.isTextual() ? value.asText() : null;
    }

    /** The number field {@code name}, or {@code null} when absent. */
    public static Long number(JsonNode body, String name) throws HttpStatusException {
        JsonNode value = body.path(name);
        if (value.isMissingNode() || value.isNull()) return null;
        if (!value.canConvertToLong()) throw new HttpStatusException(400, "Invalid JSON body: " + name + " must be an integer");
        return value.asLong();
    }
}

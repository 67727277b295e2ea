package dev.streamkit.transport.http.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.streamkit.transport.http.api.HttpStatusException;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reads the JSON body of an auth route, at most 64 KiB (StreamKit's limit for {@code /api/v1/auth}). */
final class JsonBody {

    static final int LIMIT_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBody() {
    }

    /** The body as JSON; an empty body reads as a missing node. */
    static JsonNode read(Request request) throws IOException, HttpStatusException {
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(LIMIT_BYTES + 1);
        }
        if (bytes.length > LIMIT_BYTES) throw new HttpStatusException(413, "Request body is larger than " + LIMIT_BYTES + " bytes");
        if (bytes.length == 0) return MissingNode.getInstance();
        try {
            JsonNode body = JSON.readTree(bytes);
            return body == null ? MissingNode.getInstance() : body;
        } catch (JsonProcessingException e) {
            throw new HttpStatusException(400, "Invalid JSON body: " + e.getOriginalMessage());
        }
    }

    /** The text field {@code name}, or {@code null} when absent or not text. */
    static String text(JsonNode body, String name) {
        JsonNode value = body.path(name);
        return value.isTextual() ? value.asText() : null;
    }

    /** The number field {@code name}, or {@code null} when absent. */
    static Long number(JsonNode body, String name) throws HttpStatusException {
        JsonNode value = body.path(name);
        if (value.isMissingNode() || value.isNull()) return null;
        if (!value.canConvertToLong()) throw new HttpStatusException(400, "Invalid JSON body: " + name + " must be an integer");
        return value.asLong();
    }
}

package dev.streamkit.itests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;

/** A running server's {@code GET /api/v1/plugins}: its entries, found by file name, polled for a state. */
final class PluginList {

    private static final long WAIT_MS = 20_000;

    private PluginList() {
    }

    /** The whole list, checked to answer 200. */
    static JsonNode get(SkitServer server) throws Exception {
        var response = server.get("/api/v1/plugins");
        if (response.statusCode() != 200) throw new AssertionError("GET /api/v1/plugins: " + response.statusCode() + " " + response.body());
        return ControlClient.JSON.readTree(response.body());
    }

    /** The first entry for {@code fileName}, or null. */
    static JsonNode entry(SkitServer server, String fileName) throws Exception {
        for (JsonNode entry : get(server)) {
            if (entry.path("file_name").asText().equals(fileName)) return entry;
        }
        return null;
    }

    /** Polls (at most 20 s) until {@code fileName}'s entry satisfies {@code wanted}; returns it or fails with the log. */
    static JsonNode await(SkitServer server, String fileName, Predicate<JsonNode> wanted, String what) throws Exception {
        return server.poll(() -> entry(server, fileName), entry -> entry != null && wanted.test(entry), WAIT_MS,
                fileName + ": " + what);
    }

    /** Waits until {@code fileName}'s entry has a reason, and returns it. */
    static JsonNode awaitReason(SkitServer server, String fileName) throws Exception {
        return await(server, fileName, entry -> !entry.path("reason").isNull(), "a reason");
    }
}

package dev.streamkit.itests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;

/** The node kinds a running server lists in {@code /api/v1/schema/nodes}, with their providing bundle. */
final class NodeKinds {

    private static final long WAIT_MS = 15_000;

    private NodeKinds() {
    }

    /** {@code kind}'s schema entry ({@code kind, param_schema, inputs, outputs, provider...}), or null. */
    static JsonNode entry(SkitServer server, String kind) throws Exception {
        for (JsonNode node : ControlClient.JSON.readTree(server.get("/api/v1/schema/nodes").body())) {
            if (node.get("kind").asText().equals(kind)) return node;
        }
        return null;
    }

    /**
     * Polls until {@code kind}'s entry (null while absent) satisfies {@code wanted}, at most 15 s; returns
     * it, or fails naming {@code what} with the server log.
     */
    static JsonNode await(SkitServer server, String kind, Predicate<JsonNode> wanted, String what) throws Exception {
        return server.poll(() -> entry(server, kind), wanted, WAIT_MS, kind + ": " + what);
    }

    /** Waits until {@code kind} is provided by {@code bundle} at {@code version}; returns its entry. */
    static JsonNode awaitProvider(SkitServer server, String kind, String bundle, String version) throws Exception {
        return await(server, kind, entry -> entry != null && bundle.equals(entry.at("/provider/bundle").asText())
                && version.equals(entry.at("/provider/version").asText()), "provider " + bundle + " " + version);
    }

    /** Waits until {@code kind} is no longer listed. */
    static void awaitAbsent(SkitServer server, String kind) throws Exception {
        await(server, kind, entry -> entry == null, "removal");
    }
}

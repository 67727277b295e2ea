package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * StreamKit's RBAC over real sockets (spec §9): roles named by the trusted {@code x-role} header (default
 * {@code user}), session ownership over HTTP and WebSocket, per-socket event filtering, permission and
 * {@code allowed_nodes} refusals with StreamKit's texts, and a role's own cap on concurrent sessions.
 */
class RoleBasedAccessTest {

    private static final String SINK_ONLY = "nodes:\n  s: { kind: core::sink }\n";
    private static final String WITH_GAIN = "nodes:\n  g: { kind: audio::gain }\n  s: { kind: core::sink, needs: g }\n";
    private static final Map<String, String> ADMIN = Map.of("x-role", "admin");
    private static final Map<String, String> USER = Map.of("x-role", "user");
    private static final Map<String, String> LIMITED = Map.of("x-role", "limited");
    private static final Map<String, String> VIEWER = Map.of("x-role", "viewer");

    @RegisterExtension
    static final RunningServer running = new RunningServer("""
            [permissions]
            role_header = "X-Role"
            default_role = "user"

            [permissions.roles.limited]
            create_sessions = true
            destroy_sessions = true
            list_sessions = true
            modify_sessions = true
            list_nodes = true
            allowed_nodes = ["core::sink", "core::passthrough"]
            max_concurrent_sessions = 2

            [permissions.roles.viewer]
            list_sessions = true
            """);

    @AfterEach
    void destroyAll() throws Exception {
        for (JsonNode session : sessions(ADMIN)) {
            running.get().send("DELETE", "/api/v1/sessions/" + session.get("id").asText(), null, ADMIN);
        }
    }

    private static String create(Map<String, String> role, String name, String yaml) throws Exception {
        HttpResponse<String> created = running.get().send("POST", "/api/v1/sessions",
                ControlClient.JSON.writeValueAsString(Map.of("name", name, "yaml", yaml)), role);
        assertEquals(200, created.statusCode(), created.body());
        return ControlClient.JSON.readTree(created.body()).get("session_id").asText();
    }

    private static JsonNode sessions(Map<String, String> role) throws Exception {
        HttpResponse<String> listed = running.get().send("GET", "/api/v1/sessions", null, role);
        assertEquals(200, listed.statusCode(), listed.body());
        return ControlClient.JSON.readTree(listed.body());
    }

    private static List<String> ids(JsonNode sessions) {
        List<String> ids = new ArrayList<>();
        sessions.forEach(session -> ids.add(session.get("id").asText()));
        return ids;
    }

    private static void assertRefused(HttpResponse<String> response, String message) {
        assertEquals(403, response.statusCode(), response.body());
        assertEquals(message, response.body());
    }

    @Test
    void userCannotSeeOrDestroyAnAdminsSessionOverHttp() throws Exception {
        String admins = create(ADMIN, "admins-http", SINK_ONLY);
        String users = create(USER, "users-http", SINK_ONLY);
        assertEquals(List.of(users), ids(sessions(USER)));
        assertEquals(List.of(users), ids(sessions(Map.of())), "no header: the default role, user");
        assertEquals(List.of(admins, users), ids(sessions(ADMIN)));

        String notOwner = "Permission denied: you do not own this session";
        assertRefused(running.get().send("DELETE", "/api/v1/sessions/admins-http", null, USER), notOwner);
        assertRefused(running.get().send("GET", "/api/v1/sessions/" + admins + "/pipeline", null, USER), notOwner);
        assertEquals(200, running.get().send("GET", "/api/v1/sessions/users-http/pipeline", null, USER).statusCode());
        assertEquals(200, running.get().send("GET", "/api/v1/sessions/users-http/pipeline", null, ADMIN).statusCode());
        assertEquals(200, running.get().send("DELETE", "/api/v1/sessions/users-http", null, ADMIN).statusCode(),
                "admin reaches every session");
        assertEquals(List.of(admins), ids(sessions(ADMIN)));
    }

    @Test
    void userCannotSeeOrDestroyAnAdminsSessionOverWebSocket() throws Exception {
        try (ControlClient admin = ControlClient.connectAs(running.get().port, "admin");
             ControlClient user = ControlClient.connectAs(running.get().port, "user")) {
            JsonNode created = admin.request("a1", Map.of("action", "createsession", "name", "admins-ws", "yaml", SINK_ONLY));
            String id = created.get("session_id").asText();
            for (String action : List.of("destroysession", "getpipeline")) {
                JsonNode refused = user.request(action, Map.of("action", action, "session_id", id));
                assertEquals("error", refused.get("action").asText());
                assertEquals("Permission denied: you do not own this session", refused.get("message").asText());
            }
            JsonNode tune = user.request("t", Map.of("action", "tunenode", "session_id", "admins-ws", "node_id", "s",
                    "message", Map.of("UpdateParams", Map.of())));
            assertEquals("Permission denied: you do not own this session", tune.get("message").asText());
            JsonNode add = user.request("n", Map.of("action", "addnode", "session_id", id, "node_id", "p", "kind", "core::passthrough"));
            assertEquals("Permission denied: you do not own this session", add.get("message").asText());
            assertEquals(0, user.request("l", Map.of("action", "listsessions")).get("sessions").size());
            assertEquals(List.of(id), ids(admin.request("l", Map.of("action", "listsessions")).get("sessions")));
            assertEquals("sessiondestroyed", admin.request("d", Map.of("action", "destroysession", "session_id", id))
                    .get("action").asText());
        }
    }

    @Test
    void socketsOnlyReceiveEventsOfSessionsTheirRoleMaySee() throws Exception {
        try (ControlClient admin = ControlClient.connectAs(running.get().port, "admin");
             ControlClient user = ControlClient.connectAs(running.get().port, "user")) {
            String admins = create(ADMIN, "admins-events", SINK_ONLY);
            String users = create(USER, "users-events", SINK_ONLY);
            assertEquals(200, running.get().send("DELETE", "/api/v1/sessions/" + admins, null, ADMIN).statusCode());
            assertEquals(200, running.get().send("DELETE", "/api/v1/sessions/" + users, null, USER).statusCode());

            List<JsonNode> userEvents = user.eventsUntil("sessiondestroyed", users);
            assertTrue(userEvents.stream().noneMatch(event -> admins.equals(event.path("session_id").asText())), userEvents.toString());
            assertTrue(userEvents.stream().anyMatch(event -> event.path("event").asText().equals("sessioncreated")
                    && users.equals(event.path("session_id").asText())), userEvents.toString());

            List<JsonNode> adminEvents = admin.eventsUntil("sessiondestroyed", users);
            for (String event : List.of("sessioncreated", "nodestatechanged", "sessiondestroyed")) {
                assertTrue(adminEvents.stream().anyMatch(e -> e.path("event").asText().equals(event)
                        && admins.equals(e.path("session_id").asText())), event + " of the admin's session: " + adminEvents);
            }
            assertTrue(adminEvents.stream().anyMatch(e -> users.equals(e.path("session_id").asText())), "admin sees all");
        }
    }

    @Test
    void roleWithoutTuneNodesIsRefusedAndSaysWhatItMayDo() throws Exception {
        try (ControlClient limited = ControlClient.connectAs(running.get().port, "limited")) {
            JsonNode created = limited.request("c", Map.of("action", "createsession", "name", "limited-tune", "yaml", SINK_ONLY));
            assertEquals("sessioncreated", created.get("action").asText(), created.toString());
            JsonNode tune = limited.request("t", Map.of("action", "tunenode", "session_id", "limited-tune", "node_id", "s",
                    "message", Map.of("UpdateParams", Map.of())));
            assertEquals("error", tune.get("action").asText());
            assertEquals("Permission denied: cannot tune nodes", tune.get("message").asText());

            JsonNode permissions = limited.request("p", Map.of("action", "getpermissions"));
            assertEquals("limited", permissions.get("role").asText());
            assertEquals(15, permissions.get("permissions").size());
            assertFalse(permissions.at("/permissions/tune_nodes").asBoolean());
            assertTrue(permissions.at("/permissions/create_sessions").asBoolean());
            assertFalse(permissions.at("/permissions/access_all_sessions").asBoolean());
        }
        JsonNode viaHttp = ControlClient.JSON.readTree(running.get().send("GET", "/api/v1/permissions", null, VIEWER).body());
        assertEquals("viewer", viaHttp.get("role").asText());
        assertTrue(viaHttp.at("/permissions/list_sessions").asBoolean());
        assertFalse(viaHttp.at("/permissions/create_sessions").asBoolean());
    }

    @Test
    void anUnknownRoleInTheHeaderIsRefusedEverywhereAndAMissingHeaderFallsBack() throws Exception {
        for (String stranger : List.of("stranger", "User", "ADMIN")) {
            Map<String, String> header = Map.of("x-role", stranger);
            String refusal = "Permission denied: unknown role '" + stranger + "'";
            assertRefused(running.get().send("GET", "/api/v1/permissions", null, header), refusal);
            assertRefused(running.get().send("GET", "/api/v1/sessions", null, header), refusal);
            assertRefused(running.get().send("POST", "/api/v1/sessions",
                    ControlClient.JSON.writeValueAsString(Map.of("yaml", SINK_ONLY)), header), refusal);
            assertRefused(running.get().send("DELETE", "/api/v1/samples/oneshot/user%2Fx", null, header), refusal);
        }
        JsonNode fallback = ControlClient.JSON.readTree(running.get().send("GET", "/api/v1/permissions", null, Map.of()).body());
        assertEquals("user", fallback.get("role").asText(), "no header: the default role, as in StreamKit");
        assertFalse(fallback.at("/permissions/access_all_sessions").asBoolean());
    }

    @Test
    void userDeletesAndOverwritesOnlyTheSamplesAndAssetsItCreated() throws Exception {
        String sample = ControlClient.JSON.writeValueAsString(Map.of("name", "owned by admin", "yaml", "steps: []\n", "overwrite", true));
        assertEquals(201, running.get().send("POST", "/api/v1/samples/oneshot", sample, ADMIN).statusCode());
        byte[] wav = TestAudio.sineWav(48000, 1, 220, 0.5, 0.1);
        assertEquals(200, running.get().post("/api/v1/assets/audio",
                new Multipart().file("file", "admins.wav", "audio/wav", wav), ADMIN).statusCode());
        String refused = "Permission denied: you do not own this ";
        assertRefused(running.get().send("DELETE", "/api/v1/samples/oneshot/user%2Fowned_by_admin", null, USER), refused + "sample");
        assertRefused(running.get().send("POST", "/api/v1/samples/oneshot", sample, USER), refused + "sample");
        assertRefused(running.get().send("DELETE", "/api/v1/assets/audio/admins.wav", null, USER), refused + "asset");

        String own = ControlClient.JSON.writeValueAsString(Map.of("name", "owned by user", "yaml", "steps: []\n"));
        assertEquals(201, running.get().send("POST", "/api/v1/samples/oneshot", own, USER).statusCode());
        assertEquals(200, running.get().post("/api/v1/assets/audio",
                new Multipart().file("file", "users.wav", "audio/wav", wav), USER).statusCode());
        assertEquals(204, running.get().send("DELETE", "/api/v1/samples/oneshot/user%2Fowned_by_user", null, USER).statusCode());
        assertEquals(204, running.get().send("DELETE", "/api/v1/assets/audio/users.wav", null, USER).statusCode());
        assertEquals(204, running.get().send("DELETE", "/api/v1/samples/oneshot/user%2Fowned_by_admin", null, ADMIN).statusCode());
        assertEquals(204, running.get().send("DELETE", "/api/v1/assets/audio/admins.wav", null, ADMIN).statusCode());
    }

    @Test
    void missingPermissionsAnswer403WithStreamKitsText() throws Exception {
        assertRefused(running.get().send("POST", "/api/v1/sessions",
                ControlClient.JSON.writeValueAsString(Map.of("yaml", SINK_ONLY)), VIEWER), "Permission denied: cannot create sessions");
        assertRefused(running.get().send("POST", "/api/v1/process", null, VIEWER), "Permission denied: cannot execute oneshot pipelines");
        assertRefused(running.get().send("DELETE", "/api/v1/sessions/any", null, VIEWER), "Permission denied: cannot destroy sessions");
        assertRefused(running.get().send("GET", "/api/v1/samples/oneshot", null, VIEWER), "Permission denied: cannot list samples");
        assertRefused(running.get().send("POST", "/api/v1/assets/audio", null, VIEWER), "Permission denied: cannot upload assets");
        try (ControlClient viewer = ControlClient.connectAs(running.get().port, "viewer")) {
            assertEquals("Permission denied: cannot list nodes",
                    viewer.request("n", Map.of("action", "listnodes")).get("message").asText());
            assertEquals("Permission denied: cannot create sessions", viewer.request("c",
                    Map.of("action", "createsession", "yaml", SINK_ONLY)).get("message").asText());
        }
    }

    @Test
    void allowedNodesRefusesOtherKindsOnCreateAndAddnode() throws Exception {
        assertRefused(running.get().send("POST", "/api/v1/sessions",
                        ControlClient.JSON.writeValueAsString(Map.of("name", "limited-gain", "yaml", WITH_GAIN)), LIMITED),
                "Permission denied: node type 'audio::gain' not allowed (node 'g')");
        Multipart oneshot = new Multipart()
                .text("config", "steps:\n  - kind: streamkit::http_input\n  - kind: audio::gain\n  - kind: streamkit::http_output\n")
                .file("media", "in.bin", "application/octet-stream", new byte[] {1, 2, 3});
        HttpResponse<byte[]> process = running.get().post("/api/v1/process", oneshot, LIMITED);
        assertEquals(403, process.statusCode());
        assertEquals("Permission denied: node type 'audio::gain' not allowed (node 'step_1')",
                new String(process.body(), StandardCharsets.UTF_8));

        JsonNode schemas = ControlClient.JSON.readTree(running.get().send("GET", "/api/v1/schema/nodes", null, LIMITED).body());
        List<String> kinds = new ArrayList<>();
        schemas.forEach(schema -> kinds.add(schema.get("kind").asText()));
        assertEquals(List.of("core::passthrough", "core::sink"), kinds.stream().sorted().toList());

        try (ControlClient limited = ControlClient.connectAs(running.get().port, "limited")) {
            JsonNode refused = limited.request("c", Map.of("action", "createsession", "yaml", WITH_GAIN));
            assertEquals("Permission denied: node type 'audio::gain' not allowed (node 'g')", refused.get("message").asText());
            String id = limited.request("c2", Map.of("action", "createsession", "name", "limited-add", "yaml", SINK_ONLY))
                    .get("session_id").asText();
            JsonNode add = limited.request("a", Map.of("action", "addnode", "session_id", id, "node_id", "g", "kind", "audio::gain"));
            assertEquals("error", add.get("action").asText());
            assertEquals("Permission denied: node type 'audio::gain' not allowed", add.get("message").asText());
            JsonNode batch = limited.request("b", Map.of("action", "applybatch", "session_id", id, "operations",
                    List.of(Map.of("action", "addnode", "node_id", "g", "kind", "audio::gain"))));
            assertEquals("Permission denied: node type 'audio::gain' not allowed", batch.get("message").asText());
            JsonNode allowed = limited.request("a2", Map.of("action", "addnode", "session_id", id, "node_id", "p", "kind", "core::passthrough"));
            assertEquals("success", allowed.get("action").asText(), allowed.toString());
        }
    }

    @Test
    void aRolesSessionCapRefusesItsNextSessionWith429AndLeavesOtherRolesAlone() throws Exception {
        create(LIMITED, "capped-1", SINK_ONLY);
        create(LIMITED, "capped-2", SINK_ONLY);
        HttpResponse<String> refused = running.get().send("POST", "/api/v1/sessions",
                ControlClient.JSON.writeValueAsString(Map.of("name", "capped-3", "yaml", SINK_ONLY)), LIMITED);
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("Maximum concurrent sessions limit reached for role 'limited'", refused.body());
        create(ADMIN, "admin-beside-the-cap", SINK_ONLY);
        running.get().send("DELETE", "/api/v1/sessions/capped-1", null, LIMITED);
        create(LIMITED, "capped-3", SINK_ONLY);
    }
}

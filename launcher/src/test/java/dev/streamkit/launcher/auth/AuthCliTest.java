package dev.streamkit.launcher.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamkit.config.ServerConfig;
import dev.streamkit.security.jwt.AuthState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skit auth} against a real state directory and a stub server API (below the HTTP seam). */
class AuthCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MINTED = "{\"token\":\"eyJ.minted.token\",\"jti\":\"j-1\",\"exp\":1900000000}";

    @TempDir
    Path dir;
    private final ServerConfig config = new ServerConfig();
    private final StubServer server = new StubServer();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void stateDirInTemp() {
        config.auth.stateDir = dir.resolve("auth").toString();
    }

    @Test
    void printAdminTokenPrintsTheBootstrapTokenOrSaysWhyNot() throws Exception {
        assertEquals(AuthCli.FAILED, run("print-admin-token"));
        assertTrue(stderr().contains("no admin token at"), stderr());
        assertFalse(Files.exists(dir.resolve("auth")), "printing never creates the state directory");

        AuthState.open(config.auth, Clock.systemUTC()).bootstrapAdminToken();
        assertEquals(AuthCli.OK, run("print-admin-token"));
        assertEquals(adminToken(), stdout().trim());
    }

    @Test
    void rotateKeyWithoutAServerRotatesAndSaysSo() throws Exception {
        AuthState before = AuthState.open(config.auth, Clock.systemUTC());
        before.bootstrapAdminToken();
        String oldKid = before.keys().activeKeyId();
        String oldAdmin = adminToken();
        server.unreachable = true;

        assertEquals(AuthCli.OK, run("rotate-key"));
        assertTrue(stderr().contains("no server answers"), stderr());
        AuthState after = AuthState.open(config.auth, Clock.systemUTC());
        assertNotEquals(oldKid, after.keys().activeKeyId());
        assertEquals(2, JSON.readTree(after.keys().publicJwks()).get("keys").size(), "the old public key stays in jwks.json");
        assertNotEquals(oldAdmin, adminToken());
        assertEquals("admin", after.verifier().verifyApi(oldAdmin, "admin"::equals).role(), "the old admin token still verifies");
        assertEquals("admin", after.verifier().verifyApi(adminToken(), "admin"::equals).role());
    }

    @Test
    void rotateKeyAsksARunningServerToReloadWithTheTokenItStillKnows() throws Exception {
        AuthState.open(config.auth, Clock.systemUTC()).bootstrapAdminToken();
        String oldAdmin = adminToken();
        server.reply = (path, token) -> token.equals(oldAdmin) ? new ServerApi.Reply(204, "") : new ServerApi.Reply(401, "Invalid token");

        assertEquals(AuthCli.OK, run("rotate-key"));
        assertEquals(List.of(AuthCli.RELOAD_ROUTE), server.paths);
        assertTrue(stderr().contains("reloaded its keys"), stderr());
    }

    @Test
    void rotateKeyReportsAServerThatRefusesToReload() throws Exception {
        server.reply = (path, token) -> new ServerApi.Reply(403, "Admin role required");
        assertEquals(AuthCli.REFUSED, run("rotate-key", "--token", "some-token"));
        assertEquals(List.of("some-token"), server.tokens);
        assertTrue(stderr().contains("did not reload its keys (403 Admin role required)"), stderr());
        assertTrue(stderr().contains("the rotation itself is done"), stderr());
        assertTrue(Files.exists(dir.resolve("auth").resolve("admin.token")));
    }

    @Test
    void mintApiPostsTheRequestWithTheAdminTokenAndPrintsTheToken() throws Exception {
        AuthState.open(config.auth, Clock.systemUTC()).bootstrapAdminToken();
        server.reply = (path, token) -> new ServerApi.Reply(200, MINTED);

        assertEquals(AuthCli.OK, run("mint", "api", "--role", "user", "--label", "ci", "--ttl-secs", "60"));
        assertEquals("eyJ.minted.token", stdout().trim());
        assertEquals(List.of(AuthCli.TOKENS_ROUTE), server.paths);
        assertEquals(List.of(adminToken()), server.tokens);
        JsonNode body = JSON.readTree(server.bodies.get(0));
        assertEquals("user", body.get("role").asText());
        assertEquals("ci", body.get("label").asText());
        assertEquals(60, body.get("ttl_secs").asLong());
        assertTrue(stderr().contains("j-1"), stderr());
    }

    @Test
    void mintMoqSendsPathsAndJsonPrintsTheServersAnswer() throws Exception {
        Path tokenFile = dir.resolve("t.jwt");
        Files.writeString(tokenFile, "file-token\n");
        server.reply = (path, token) -> new ServerApi.Reply(200, MINTED);

        assertEquals(AuthCli.OK, run("mint", "moq", "--root", "/moq/s1", "--subscribe", "", "--publish", "input", "--json",
                "--token-file", tokenFile.toString()));
        assertEquals(List.of(AuthCli.MOQ_TOKENS_ROUTE), server.paths);
        assertEquals(List.of("file-token"), server.tokens);
        JsonNode body = JSON.readTree(server.bodies.get(0));
        assertEquals("/moq/s1", body.get("root").asText());
        assertEquals("", body.get("subscribe").get(0).asText());
        assertEquals("input", body.get("publish").get(0).asText());
        assertFalse(body.has("ttl_secs"));
        assertEquals("j-1", JSON.readTree(stdout()).get("jti").asText());
    }

    @Test
    void mintFailuresHaveClearMessagesAndExitCodes() throws Exception {
        assertEquals(AuthCli.USAGE, run("mint", "api", "--role", "user"));
        assertTrue(stderr().contains("no token to authenticate with"), stderr());

        server.reply = (path, token) -> new ServerApi.Reply(401, "Token has been revoked");
        assertEquals(AuthCli.REFUSED, run("mint", "api", "--role", "user", "--token", "t"));
        assertTrue(stderr().contains("refused the token (401 Token has been revoked)"), stderr());

        server.reply = (path, token) -> new ServerApi.Reply(403, "Admin role required");
        assertEquals(AuthCli.REFUSED, run("mint", "api", "--role", "user", "--token", "t"));
        assertTrue(stderr().contains("may not mint tokens (403 Admin role required)"), stderr());

        server.reply = (path, token) -> new ServerApi.Reply(400, "Unknown role");
        assertEquals(AuthCli.FAILED, run("mint", "api", "--role", "nosuch", "--token", "t"));
        assertTrue(stderr().contains("refused the request (400 Unknown role)"), stderr());

        server.unreachable = true;
        assertEquals(AuthCli.FAILED, run("mint", "api", "--role", "user", "--token", "t"));
        assertTrue(stderr().contains("no server answers at stub"), stderr());

        assertEquals(AuthCli.USAGE, run("mint", "api"));
        assertTrue(stderr().contains("usage:"), stderr());
    }

    private int run(String... words) {
        out.reset();
        err.reset();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new AuthCli(config, url -> server, o, e, Clock.systemUTC()).run(List.of(words));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String adminToken() throws IOException {
        return Files.readString(dir.resolve("auth").resolve("admin.token")).trim();
    }

    /** Answers every request with {@link #reply}, recording what was asked. */
    private static final class StubServer implements ServerApi {
        interface Answer {
            Reply answer(String path, String token);
        }

        Answer reply = (path, token) -> new Reply(500, "no answer configured");
        boolean unreachable;
        final List<String> paths = new ArrayList<>();
        final List<String> tokens = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();

        @Override
        public Reply post(String path, String token, String json) throws IOException {
            if (unreachable) throw new IOException("Connection refused");
            paths.add(path);
            tokens.add(token);
            bodies.add(json);
            return reply.answer(path, token);
        }

        @Override
        public String describe() {
            return "stub";
        }
    }
}

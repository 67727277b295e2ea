package dev.streamkit.launcher.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamkit.config.ServerConfig;
import dev.streamkit.launcher.auth.AuthCommandLine.UsageException;
import dev.streamkit.security.Redaction;
import dev.streamkit.security.jwt.AuthState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code skit auth ...} (streamkit-next §1.6), run without starting the framework. {@code print-admin-token}
 * and {@code rotate-key} work on {@code [auth].state_dir} directly (rotation then asks a running server to
 * {@code POST /api/v1/auth/reload-keys}); {@code mint api|moq} asks the running server's API, with
 * {@code --token}, {@code --token-file} or the state directory's {@code admin.token}. Exit codes:
 * {@value #OK} done, {@value #FAILED} failure (no server answers, the server refused the request, a state
 * file is unreadable), {@value #USAGE} usage or configuration error, {@value #REFUSED} the server refused
 * the token (401) or its role (403).
 */
public final class AuthCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;

    static final String TOKENS_ROUTE = "/api/v1/auth/tokens";
    static final String MOQ_TOKENS_ROUTE = "/api/v1/auth/moq-tokens";
    static final String RELOAD_ROUTE = "/api/v1/auth/reload-keys";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ECHOED_BODY = 300;

    private final ServerConfig config;
    private final Function<String, ServerApi> apiAt;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    /**
     * @param apiAt the server API at a {@code --server} URL, or at the configured address for {@code null}
     */
    AuthCli(ServerConfig config, Function<String, ServerApi> apiAt, PrintStream out, PrintStream err, Clock clock) {
        this.config = config;
        this.apiAt = apiAt;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** Runs {@code skit auth words...} with {@code config}, printing to the process's standard streams. */
    public static int run(List<String> words, ServerConfig config) {
        Function<String, ServerApi> apiAt = url -> url == null ? HttpServerApi.of(config) : new HttpServerApi(url);
        return new AuthCli(config, apiAt, System.out, System.err, Clock.systemUTC()).run(words);
    }

    int run(List<String> words) {
        AuthCommandLine line;
        try {
            line = AuthCommandLine.parse(words);
        } catch (UsageException e) {
            err.println("skit: " + e.getMessage() + "\nusage: " + AuthCommandLine.USAGE);
            return USAGE;
        }
        try {
            return switch (line.action()) {
                case AuthCommandLine.PRINT_ADMIN_TOKEN -> printAdminToken();
                case AuthCommandLine.ROTATE_KEY -> rotateKey(line);
                default -> mint(line);
            };
        } catch (UsageException e) {
            err.println("skit: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("skit: " + Redaction.redact(e.getMessage()));
            return FAILED;
        }
    }

    private Path stateDir() {
        return Path.of(config.auth.stateDir);
    }

    private Path adminTokenFile() {
        return AuthState.adminTokenFile(stateDir());
    }

    private int printAdminToken() throws IOException {
        Optional<String> token = readToken(adminTokenFile());
        if (token.isEmpty()) {
            err.println("skit: no admin token at " + adminTokenFile() + ": the server writes one when it first runs with auth"
                    + " enabled ([auth] mode, state_dir), and `skit auth rotate-key` writes a new one");
            return FAILED;
        }
        out.println(token.get());
        return OK;
    }

    private int rotateKey(AuthCommandLine line) throws IOException, UsageException {
        Optional<String> explicit = explicitToken(line);
        Optional<String> previousAdmin = readToken(adminTokenFile());
        AuthState state = AuthState.open(config.auth, clock);
        state.rotateKey();
        err.println("skit: new signing key " + state.keys().activeKeyId() + " is active in " + stateDir()
                + "; tokens signed by the previous keys keep verifying until they expire");
        err.println("skit: new admin token written to " + state.adminTokenFile() + " (skit auth print-admin-token)");
        // The server still holds the old registry and keys: the new admin token is unknown to it until it
        // reloads, so the previous admin token is tried first.
        LinkedHashSet<String> candidates = new LinkedHashSet<>();
        explicit.ifPresent(candidates::add);
        if (explicit.isEmpty()) {
            previousAdmin.ifPresent(candidates::add);
            readToken(state.adminTokenFile()).ifPresent(candidates::add);
        }
        return askServerToReload(apiAt.apply(line.options().get("server")), new ArrayList<>(candidates));
    }

    private int askServerToReload(ServerApi api, List<String> tokens) {
        ServerApi.Reply last = null;
        for (String token : tokens) {
            try {
                last = api.post(RELOAD_ROUTE, token, null);
            } catch (IOException unreachable) {
                err.println("skit: no server answers at " + api.describe() + " (" + why(unreachable)
                        + "); a server started later uses the new key");
                return OK;
            }
            if (last.status() / 100 == 2) {
                err.println("skit: the server at " + api.describe() + " reloaded its keys");
                return OK;
            }
            if (last.status() != 401) break;
        }
        String why = last == null ? "no token to authenticate with" : last.status() + " " + echo(last.body());
        err.println("skit: the server at " + api.describe() + " did not reload its keys (" + why + "); the rotation itself is done:"
                + " POST " + RELOAD_ROUTE + " with an admin token, or restart the server");
        return last != null && (last.status() == 401 || last.status() == 403) ? REFUSED : FAILED;
    }

    private int mint(AuthCommandLine line) throws IOException, UsageException {
        ObjectNode body = JSON.createObjectNode();
        String route;
        if (line.action().equals(AuthCommandLine.MINT_API)) {
            route = TOKENS_ROUTE;
            body.put("role", line.options().get("role"));
        } else {
            route = MOQ_TOKENS_ROUTE;
            body.put("root", line.options().get("root"));
            line.subscribe().forEach(body.putArray("subscribe")::add);
            line.publish().forEach(body.putArray("publish")::add);
        }
        if (line.options().containsKey("label")) body.put("label", line.options().get("label"));
        if (line.ttlSecs() != null) body.put("ttl_secs", line.ttlSecs());
        String token = explicitToken(line).or(() -> readTokenQuietly(adminTokenFile())).orElseThrow(() -> new UsageException(
                "no token to authenticate with: pass --token or --token-file, or run where " + adminTokenFile() + " exists"));
        ServerApi api = apiAt.apply(line.options().get("server"));
        ServerApi.Reply reply;
        try {
            reply = api.post(route, token, JSON.writeValueAsString(body));
        } catch (IOException unreachable) {
            err.println("skit: no server answers at " + api.describe() + " (" + why(unreachable)
                    + "); start it with `skit serve`, or pass --server URL");
            return FAILED;
        }
        if (reply.status() != 200) return refused(api, reply);
        if (line.json()) {
            out.println(reply.body().trim());
            return OK;
        }
        JsonNode minted = JSON.readTree(reply.body());
        out.println(minted.path("token").asText());
        String expires = minted.hasNonNull("exp") ? Instant.ofEpochSecond(minted.get("exp").asLong()).toString() : "?";
        err.println("skit: minted jti " + minted.path("jti").asText() + ", expires " + expires);
        if (minted.hasNonNull("url_template")) err.println("skit: url " + minted.get("url_template").asText());
        return OK;
    }

    private int refused(ServerApi api, ServerApi.Reply reply) {
        String text = reply.status() + " " + echo(reply.body());
        switch (reply.status()) {
            case 401 -> err.println("skit: the server at " + api.describe() + " refused the token (" + text
                    + "); pass a valid admin token with --token or --token-file");
            case 403 -> err.println("skit: the server at " + api.describe() + " refused: the token's role may not mint tokens (" + text + ")");
            case 404 -> err.println("skit: the server at " + api.describe() + " has no auth API (" + text + "): is it StreamKit/J with auth?");
            default -> err.println("skit: the server at " + api.describe() + " refused the request (" + text + ")");
        }
        return reply.status() == 401 || reply.status() == 403 ? REFUSED : FAILED;
    }

    private Optional<String> explicitToken(AuthCommandLine line) throws IOException, UsageException {
        if (line.options().containsKey("token")) return Optional.of(line.options().get("token").trim());
        String file = line.options().get("token-file");
        if (file == null) return Optional.empty();
        Optional<String> token = readToken(Path.of(file));
        if (token.isEmpty()) throw new UsageException("--token-file " + file + " does not exist or is empty");
        return token;
    }

    /** The token in {@code file}, trimmed; empty when the file does not exist or holds only blanks. */
    private static Optional<String> readToken(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return Optional.empty();
        String token = Files.readString(file, StandardCharsets.UTF_8).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static Optional<String> readTokenQuietly(Path file) {
        try {
            return readToken(file);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** Why a request failed: the exception's message, or its kind when it has none (a refused connection). */
    private static String why(IOException failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : Redaction.redact(message);
    }

    /** A response body fit for a message: redacted, on one line, cut short. */
    private static String echo(String body) {
        String line = Redaction.redact(body == null ? "" : body.strip().replaceAll("\\s+", " "));
        return line.length() > MAX_ECHOED_BODY ? line.substring(0, MAX_ECHOED_BODY) + "..." : line;
    }
}

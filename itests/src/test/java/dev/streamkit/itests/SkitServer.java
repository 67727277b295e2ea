package dev.streamkit.itests;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The assembled runtime ({@code distribution/target}) started as a real {@code skit serve} process in a
 * temporary working directory, on a free loopback port, with its own {@code skit.toml}. Talks to it over
 * real sockets. Output goes to {@link #logFile}: kept under {@code itests/target/server-logs/} (system
 * property {@code skit.server.logs}), where {@code ServerLogsHygieneCheck} reads every one after the run.
 */
final class SkitServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    final Path workDir;
    final int port;
    final long millisToHealthy;
    private final Process process;
    /** Where this server's output begins in {@link #logFile} (an earlier server in the same directory wrote before it). */
    private final long logOffset;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SkitServer(Path workDir, int port, Process process, long millisToHealthy, long logOffset) {
        this.workDir = workDir;
        this.port = port;
        this.process = process;
        this.millisToHealthy = millisToHealthy;
        this.logOffset = logOffset;
    }

    /** Starts a server whose {@code skit.toml} is {@code extraToml} plus the listen address. */
    static SkitServer start(Path workDir, String extraToml) throws Exception {
        return start(workDir, extraToml, List.of());
    }

    /** As {@link #start(Path, String)}, with extra options for the server's JVM (e.g. {@code -Xmx384m}). */
    static SkitServer start(Path workDir, String extraToml, List<String> jvmOptions) throws Exception {
        return start(workDir, "127.0.0.1", extraToml, jvmOptions, Map.of());
    }

    /** As {@link #start(Path, String, List)}, with extra environment variables (e.g. {@code SK_AUTH__MODE}). */
    static SkitServer start(Path workDir, String extraToml, List<String> jvmOptions, Map<String, String> env) throws Exception {
        return start(workDir, "127.0.0.1", extraToml, jvmOptions, env);
    }

    /**
     * As {@link #start(Path, String)}, listening on {@code host} (e.g. {@code 0.0.0.0}); tests still talk to it on
     * 127.0.0.1 only.
     */
    static SkitServer startOn(Path workDir, String host, String extraToml) throws Exception {
        return start(workDir, host, extraToml, List.of(), Map.of());
    }

    private static SkitServer start(Path workDir, String host, String extraToml, List<String> jvmOptions,
                                    Map<String, String> env) throws Exception {
        int port = freePort();
        Files.createDirectories(workDir.resolve("samples"));
        long started = System.nanoTime();
        long logOffset = logSize(workDir);
        Process process = launch(workDir, "[server]\naddress = \"" + host + ":" + port + "\"\n" + extraToml, jvmOptions, env);
        SkitServer server = new SkitServer(workDir, port, process, 0, logOffset);
        long healthyAfter = server.awaitHealthy(started);
        return new SkitServer(workDir, port, process, healthyAfter, logOffset);
    }

    /**
     * Runs {@code skit serve} with {@code toml} as its whole configuration, expecting it to exit by itself
     * within {@code timeout}; returns its exit code and output.
     */
    static Map.Entry<Integer, String> runToExit(Path workDir, String toml, Duration timeout) throws Exception {
        long logOffset = logSize(workDir);
        Process process = launch(workDir, toml, List.of(), Map.of());
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("skit still running after " + timeout + ":\n" + logFrom(workDir, logOffset));
        }
        return Map.entry(process.exitValue(), logFrom(workDir, logOffset));
    }

    private static long logSize(Path workDir) throws IOException {
        Path log = logFile(workDir);
        return Files.exists(log) ? Files.size(log) : 0;
    }

    /** The output in {@link #logFile} from byte {@code offset} on. */
    private static String logFrom(Path workDir, long offset) throws IOException {
        Path log = logFile(workDir);
        if (!Files.exists(log)) return "";
        byte[] bytes = Files.readAllBytes(log);
        int from = (int) Math.min(offset, bytes.length);
        return new String(bytes, from, bytes.length - from, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Where the output of servers run in {@code workDir} goes (appended, so a restarted server's follows the
     * first's): under {@code skit.server.logs}, named after the working directory's path, else
     * {@code server.log} in it.
     */
    static Path logFile(Path workDir) throws IOException {
        String logs = System.getProperty("skit.server.logs");
        if (logs == null) return workDir.resolve("server.log");
        Path dir = Path.of(logs);
        Files.createDirectories(dir);
        String name = workDir.toAbsolutePath().normalize().toString().replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_+", "");
        return dir.resolve(name + ".log");
    }

    /** Starts {@code skit -c skit.toml serve} in {@code workDir} with {@code toml}, output appended to {@link #logFile}. */
    private static Process launch(Path workDir, String toml, List<String> jvmOptions, Map<String, String> env) throws IOException {
        Path file = workDir.resolve("skit.toml");
        Files.writeString(file, toml);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Dskit.bundles=" + requiredPath("skit.bundles"),
                "-Dskit.deploy=" + workDir.resolve("deploy"),
                "-Dskit.data=" + workDir.resolve("data"),
                "-cp", requiredPath("skit.lib") + "/*",
                "dev.streamkit.launcher.Skit", "-c", file.toString(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(workDir).toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    private long awaitHealthy(long startedNanos) throws Exception {
        long deadline = startedNanos + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("skit exited early:\n" + log());
            try {
                if (get("/healthz").statusCode() == 200) return (System.nanoTime() - startedNanos) / 1_000_000;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        process.destroyForcibly();
        throw new IllegalStateException("skit did not answer /healthz within " + START_TIMEOUT + ":\n" + log());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> post(String path, Multipart body) throws IOException, InterruptedException {
        return post(path, body, Map.of());
    }

    /** Posts a multipart body with extra request {@code headers} (e.g. a role header). */
    HttpResponse<byte[]> post(String path, Multipart body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", body.contentType());
        headers.forEach(builder::header);
        return http.send(builder.POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends {@code method path} with an optional JSON body (DELETE, POST of session requests...). */
    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json, Map.of());
    }

    /** As {@link #send(String, String, String)}, with extra request {@code headers} (e.g. a role header). */
    HttpResponse<String> send(String method, String path, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        if (json != null) builder.header("Content-Type", "application/json");
        builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Writes {@code content} to {@code samples/name} in the working directory (readable by file readers by default). */
    void writeSample(String name, byte[] content) throws IOException {
        Files.write(workDir.resolve("samples").resolve(name), content);
    }

    /** Destroys every session the default role can see (a test's cleanup). */
    void destroyAllSessions() throws IOException, InterruptedException {
        for (JsonNode session : ControlClient.JSON.readTree(get("/api/v1/sessions").body())) {
            send("DELETE", "/api/v1/sessions/" + session.get("id").asText(), null);
        }
    }

    /**
     * Sends only the request head of a POST over a raw HTTP/1.1 socket, declaring {@code contentLength}
     * body bytes that never come, and returns the response head and body the server answers with.
     */
    String postHeadOnly(String path, String contentType, long contentLength) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + contentLength + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * Asks {@code probe} every 100 ms until its answer satisfies {@code wanted}, at most {@code waitMs}; returns
     * that answer, or fails naming {@code what} with the last answer and this server's log.
     */
    <T> T poll(Callable<T> probe, Predicate<T> wanted, long waitMs, String what) throws Exception {
        long deadline = System.nanoTime() + waitMs * 1_000_000;
        T answer = probe.call();
        while (!wanted.test(answer)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not seen within " + waitMs + " ms; last entry " + answer + "\n" + log());
            }
            Thread.sleep(100);
            answer = probe.call();
        }
        return answer;
    }

    /** What this server printed so far. */
    String log() throws IOException {
        return logFrom(workDir, logOffset);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process with SIGKILL ({@code kill -9}: no shutdown hook, nothing cleaned up) and waits for it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(15, TimeUnit.SECONDS)) throw new IllegalStateException("skit survived SIGKILL for 15 s");
    }

    /** Sends SIGTERM and waits for the process; returns its exit code. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("skit did not stop within " + timeout);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }

    private static String requiredPath(String property) {
        String value = System.getProperty(property);
        if (value == null) throw new IllegalStateException("system property " + property + " is not set");
        return Path.of(value).toAbsolutePath().normalize().toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

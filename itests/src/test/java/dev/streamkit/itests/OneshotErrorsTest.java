package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * StreamKit's oneshot error cases over real HTTP: status codes and plain-text messages. After each
 * case the server must still be healthy and still process a good request.
 */
class OneshotErrorsTest {

    private static final String PASSTHROUGH = """
            mode: oneshot
            steps:
              - kind: streamkit::http_input
              - kind: core::passthrough
              - kind: streamkit::http_output
            """;
    private static final String WAV_GAIN = """
            mode: oneshot
            steps:
              - kind: streamkit::http_input
              - kind: containers::wav::demuxer
              - kind: audio::gain
              - kind: containers::wav::muxer
              - kind: streamkit::http_output
            """;

    @RegisterExtension
    static final RunningServer running = new RunningServer("max_body_size = 1048576\n");

    @AfterEach
    void serverStaysHealthy() throws Exception {
        assertTrue(running.get().isAlive(), "server process died");
        assertEquals(200, running.get().get("/healthz").statusCode());
        byte[] media = "still working".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> good = running.get().post("/api/v1/process",
                new Multipart().text("config", PASSTHROUGH).file("media", "m.bin", "application/x-test", media));
        assertEquals(200, good.statusCode());
        assertEquals("still working", new String(good.body(), StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> process(String yaml, byte[] media) throws Exception {
        Multipart body = new Multipart().text("config", yaml);
        if (media != null) body.file("media", "m.bin", "application/octet-stream", media);
        return running.get().post("/api/v1/process", body);
    }

    private static void assertText(int status, String text, HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(status, response.statusCode(), body);
        assertTrue(body.contains(text), () -> "expected '" + text + "' in '" + body + "'");
    }

    @Test
    void rejectsMediaBeforeConfig() throws Exception {
        HttpResponse<byte[]> response = running.get().post("/api/v1/process", new Multipart()
                .file("media", "m.bin", "application/octet-stream", new byte[] {1, 2, 3}).text("config", PASSTHROUGH));
        assertText(400, "Multipart fields must be ordered: 'config' first, then 'media'", response);
    }

    @Test
    void rejectsCycleNamingIt() throws Exception {
        String yaml = """
                mode: oneshot
                nodes:
                  in: { kind: streamkit::http_input }
                  a: { kind: core::passthrough, needs: [in, b] }
                  b: { kind: core::passthrough, needs: a }
                  out: { kind: streamkit::http_output, needs: b }
                """;
        assertText(400, "Invalid pipeline: Circular dependency detected: a -> b -> a", process(yaml, new byte[] {1}));
    }

    @Test
    void rejectsMissingNeedsTarget() throws Exception {
        String yaml = """
                mode: oneshot
                nodes:
                  in: { kind: streamkit::http_input }
                  out: { kind: streamkit::http_output, needs: nowhere }
                """;
        assertText(400, "Node 'out' references non-existent node 'nowhere' in 'needs' field", process(yaml, new byte[] {1}));
    }

    @Test
    void rejectsUnknownKindWithSuggestion() throws Exception {
        String yaml = PASSTHROUGH.replace("core::passthrough", "core::passthru");
        assertText(400, "Node type 'core::passthru' not found in registry (did you mean 'core::passthrough'?)",
                process(yaml, new byte[] {1}));
    }

    @Test
    void rejectsFanOut() throws Exception {
        String yaml = """
                mode: oneshot
                nodes:
                  in: { kind: streamkit::http_input }
                  a: { kind: core::passthrough, needs: in }
                  b: { kind: core::sink, needs: in }
                  out: { kind: streamkit::http_output, needs: a }
                """;
        assertText(400, "Oneshot pipelines must be linear: output pin 'in.out' has 2 outgoing connections"
                + " (fan-out not supported yet)", process(yaml, new byte[] {1}));
    }

    @Test
    void rejectsIncompatibleConnection() throws Exception {
        String yaml = PASSTHROUGH.replace("core::passthrough", "audio::gain");
        assertText(400, "Incompatible connection: step_0.out (Binary) -> step_1.in (accepts [RawAudio(*Hz, *ch, F32)])",
                process(yaml, new byte[] {1}));
    }

    @Test
    void rejectsBadParamNamingNodeAndField() throws Exception {
        String yaml = WAV_GAIN.replace("kind: audio::gain", "kind: audio::gain\n    params: { gain: \"loud\" }");
        assertText(400, "Invalid params for node 'step_2' (audio::gain): field 'gain' must be a finite number",
                process(yaml, new byte[] {1}));
    }

    @Test
    void rejectsMissingConfig() throws Exception {
        HttpResponse<byte[]> response = running.get().post("/api/v1/process",
                new Multipart().file("media", "m.bin", "application/octet-stream", new byte[] {1}));
        assertText(400, "Multipart fields must be ordered", response);
    }

    @Test
    void rejectsHttpInputWithoutMedia() throws Exception {
        assertText(400, "Pipeline cannot contain 'streamkit::http_input' node when no media is provided",
                process(PASSTHROUGH, null));
    }

    @Test
    void rejectsOversizeBodyWith413() throws Exception {
        // The server must answer from the declared length alone, without waiting for the 2 MiB.
        String answer = running.get().postHeadOnly("/api/v1/process", "multipart/form-data; boundary=x", 2L << 20);
        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.contains("max_body_size"), answer);
    }

    @Test
    void rejectsRandomBytesAsWavQuickly() throws Exception {
        byte[] noise = new byte[200_000];
        new Random(42).nextBytes(noise);
        long started = System.nanoTime();
        HttpResponse<byte[]> response = process(WAV_GAIN, noise);
        long millis = (System.nanoTime() - started) / 1_000_000;
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, response.statusCode() + " " + body);
        assertTrue(body.contains("containers::wav::demuxer"), body);
        assertTrue(millis < 1000, "took " + millis + " ms");
    }

    @Test
    void rejectsFilePathsOutsideTheAllowlist() throws Exception {
        for (String path : new String[] {"../../etc/passwd", "/etc/passwd", "samples/../../x"}) {
            String yaml = """
                    mode: oneshot
                    steps:
                      - kind: core::file_reader
                        params: { path: "%s" }
                      - kind: streamkit::http_output
                    """.formatted(path);
            assertText(400, "Invalid file path in node 'step_0'", process(yaml, null));
        }
    }

    @Test
    void rejectsEmptyMedia() throws Exception {
        assertText(400, "The 'media' field is empty", process(PASSTHROUGH, new byte[0]));
    }

    @Test
    void rejectsDuplicateKeys() throws Exception {
        String yaml = """
                mode: oneshot
                nodes:
                  a: { kind: streamkit::http_input }
                  a: { kind: streamkit::http_output }
                """;
        assertText(400, "Invalid YAML config format", process(yaml, new byte[] {1}));
    }
}

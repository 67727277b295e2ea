package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A WAV through http_input → wav::demuxer → gain(2) → wav::muxer → http_output on the real server. */
class OneshotWavGainTest {

    private static final String PIPELINE = """
            mode: oneshot
            steps:
              - kind: streamkit::http_input
              - kind: containers::wav::demuxer
              - kind: audio::gain
                params: { gain: 2.0 }
              - kind: containers::wav::muxer
              - kind: streamkit::http_output
            """;

    @TempDir
    static Path workDir;
    static SkitServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = SkitServer.start(workDir, "");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void doublesPeakLevelAndKeepsDuration() throws Exception {
        for (int channels : new int[] {1, 2}) {
            byte[] input = TestAudio.sineWav(44_100, channels, 440, 0.25, 3.0);
            HttpResponse<byte[]> response = server.post("/api/v1/process",
                    new Multipart().text("config", PIPELINE).file("media", "sine.wav", "audio/wav", input));

            assertEquals(200, response.statusCode(), () -> new String(response.body()));
            assertEquals("audio/wav", response.headers().firstValue("Content-Type").orElse(""));
            TestAudio.Pcm in = TestAudio.decodeWav(input);
            TestAudio.Pcm out = TestAudio.decodeWav(response.body());
            assertEquals(in.sampleRate(), out.sampleRate());
            assertEquals(channels, out.channels());
            double gainDb = TestAudio.decibels(out.peak() / in.peak());
            assertEquals(6.02, gainDb, 0.1, "level change in dB");
            double frame = 1.0 / in.sampleRate();
            assertEquals(in.seconds(), out.seconds(), frame, "duration in seconds");
        }
    }
}

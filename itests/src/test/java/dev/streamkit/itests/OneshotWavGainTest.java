package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A WAV through http_input → wav::demuxer → gain(2) → wav::muxer → http_output on the real running.get(). */
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

    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @Test
    void doublesPeakLevelAndKeepsDuration() throws Exception {
        for (int channels : new int[] {1, 2}) {
            byte[] input = TestAudio.sineWav(44_100, channels, 440, 0.25, 3.0);
            HttpResponse<byte[]> response = running.get().post("/api/v1/process",
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

    @Test
    void readsAllowedFileWithoutUpload() throws Exception {
        byte[] input = TestAudio.sineWav(48_000, 1, 1000, 0.2, 1.0);
        java.nio.file.Files.write(running.get().workDir.resolve("samples/tone.wav"), input);
        String yaml = """
                mode: oneshot
                steps:
                  - kind: core::file_reader
                    params: { path: samples/tone.wav, chunk_size: 1000 }
                  - kind: containers::wav::demuxer
                  - kind: audio::gain
                    params: { gain: 0.5 }
                  - kind: containers::wav::muxer
                  - kind: streamkit::http_output
                """;
        HttpResponse<byte[]> response = running.get().post("/api/v1/process", new Multipart().text("config", yaml));
        assertEquals(200, response.statusCode(), () -> new String(response.body()));
        TestAudio.Pcm out = TestAudio.decodeWav(response.body());
        assertEquals(-6.02, TestAudio.decibels(out.peak() / TestAudio.decodeWav(input).peak()), 0.1);
        assertEquals(1.0, out.seconds(), 1.0 / 48_000);
    }

    @Test
    void contentTypeFollowsStreamKitPrecedence() throws Exception {
        String passthrough = """
                mode: oneshot
                steps:
                  - kind: streamkit::http_input
                  - kind: core::passthrough
                  - kind: streamkit::http_output%s
                """;
        byte[] data = {1, 2, 3};
        HttpResponse<byte[]> explicit = running.get().post("/api/v1/process", new Multipart()
                .text("config", passthrough.formatted("\n    params: { content_type: application/x-mine }"))
                .file("media", "m", "audio/ogg", data));
        assertEquals("application/x-mine", explicit.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<byte[]> fromUpload = running.get().post("/api/v1/process", new Multipart()
                .text("config", passthrough.formatted("")).file("media", "m", "audio/ogg", data));
        assertEquals("audio/ogg", fromUpload.headers().firstValue("Content-Type").orElse(""));
        assertEquals(3, fromUpload.body().length);
    }
}

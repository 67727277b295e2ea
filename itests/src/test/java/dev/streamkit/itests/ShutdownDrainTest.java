package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM with a live session that records to a file: the server drains the session (the reader stops,
 * the pacer ends, the resampler, the encoder and the Ogg muxer flush, the writer closes the file) and exits 0, leaving a
 * complete Ogg/Opus file: decodable without error, with its end-of-stream page last, and as long as the
 * audio it holds. Before the drain the process exited at once and the file ended mid-stream.
 */
class ShutdownDrainTest {

    private static final String RECORDING = """
            nodes:
              read: { kind: core::file_reader, params: { path: samples/tone.wav } }
              demux: { kind: containers::wav::demuxer, needs: read }
              pace: { kind: audio::pacer, needs: demux }
              rate: { kind: audio::resampler, params: { target_sample_rate: 48000 }, needs: pace }
              encode: { kind: audio::opus::encoder, needs: rate }
              mux: { kind: containers::ogg::muxer, params: { channels: 1, chunk_size: 1024 }, needs: encode }
              write: { kind: core::file_writer, params: { path: out/live.ogg, chunk_size: 1024 }, needs: mux }
            """;
    private static final double SOURCE_SECONDS = 20;
    /** About 2 s of 64 kbit/s Opus in Ogg: the session is well under way, far from the source's end. */
    private static final long BYTES_BEFORE_SIGTERM = 16_000;
    /** The server's drain bound (5 s) plus the stop of everything else, with slack for a loaded machine. */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path workDir;

    @Test
    void sigtermDrainsALiveRecordingToACompleteFileAndExitsZero() throws Exception {
        SkitServer server = SkitServer.start(workDir, "[security]\nallowed_write_paths = [\"out/**\"]\n");
        Path output = workDir.resolve("out/live.ogg");
        try {
            Files.createDirectories(output.getParent());
            server.writeSample("tone.wav", TestAudio.sineWav(48_000, 1, 440, 0.5, SOURCE_SECONDS));
            HttpResponse<String> created = server.send("POST", "/api/v1/sessions",
                    ControlClient.JSON.writeValueAsString(Map.of("name", "recording", "yaml", RECORDING)));
            assertEquals(200, created.statusCode(), created.body());
            awaitSize(output, BYTES_BEFORE_SIGTERM, server);

            long stopping = System.nanoTime();
            int exit = server.stop(STOP_LIMIT);
            long stopMillis = (System.nanoTime() - stopping) / 1_000_000;
            System.out.println("ShutdownDrainTest: SIGTERM to exit " + stopMillis + " ms, exit code " + exit
                    + ", file " + Files.size(output) + " bytes");
            assertEquals(0, exit, server.log());
        } finally {
            server.close();
        }
        assertEquals("", MediaTools.run(workDir, "ffmpeg", "-v", "error", "-i", output.toString(), "-f", "null", "-"),
                "ffmpeg reported errors decoding the drained file");
        assertTrue(lastPageEndsTheStream(Files.readAllBytes(output)), "the file does not end with an end-of-stream page");
        double declared = Double.parseDouble(MediaTools.run(workDir, "ffprobe", "-v", "error", "-show_entries",
                "format=duration", "-of", "default=noprint_wrappers=1:nokey=1", output.toString()).strip());
        double decoded = TestAudio.decodeWav(MediaTools.decodeToWav(output)).seconds();
        System.out.println("ShutdownDrainTest: declared " + declared + " s, decoded " + decoded + " s");
        assertEquals(decoded, declared, 0.1, "the container's duration disagrees with its audio");
        assertTrue(decoded >= 1.5 && decoded < SOURCE_SECONDS, "decoded " + decoded + " s");
    }

    /** Polls (bounded) until {@code file} holds at least {@code bytes}. */
    private static void awaitSize(Path file, long bytes, SkitServer server) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(file) || Files.size(file) < bytes) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the recording did not reach " + bytes + " bytes:\n" + server.log());
            }
            Thread.sleep(50);
        }
    }

    /** Whether the file is whole Ogg pages, walked from the start, the last of them flagged end-of-stream. */
    private static boolean lastPageEndsTheStream(byte[] ogg) {
        int offset = 0;
        boolean endOfStream = false;
        for (int pages = 0; offset < ogg.length && pages < ogg.length / 27; pages++) {
            if (offset + 27 > ogg.length || !new String(ogg, offset, 4, StandardCharsets.ISO_8859_1).equals("OggS")) return false;
            int segments = ogg[offset + 26] & 0xff;
            if (offset + 27 + segments > ogg.length) return false;
            int body = 0;
            for (int i = 0; i < segments; i++) body += ogg[offset + 27 + i] & 0xff;
            endOfStream = (ogg[offset + 5] & 0x04) != 0;
            offset += 27 + segments + body;
        }
        return endOfStream && offset == ogg.length;
    }
}

package dev.streamkit.itests;

/**
 * Pipeline YAML for live tests that measure audio as it flows: a WAV read and demuxed, released in real
 * time by {@code audio::pacer} (without silence filler, so every frame is the file's), and taps that
 * measure the level of every 20 ms frame. Node ids: {@code read}, {@code demux}, {@code pace}.
 */
final class PacedTone {

    /** The level window: one WAV demuxer frame at 48 kHz, so every frame gives a reading. */
    static final int LEVEL_INTERVAL_MS = 20;

    private PacedTone() {
    }

    /** {@code nodes:} with read → demux → pace of {@code samples/<file>}. */
    static String source(String file) {
        return """
                nodes:
                  read: { kind: core::file_reader, params: { path: samples/%s } }
                  demux: { kind: containers::wav::demuxer, needs: read }
                  pace: { kind: audio::pacer, params: { speed: 1.0, generate_silence: false }, needs: demux }
                """.formatted(file);
    }

    /** A node {@code id} of {@code kind} after {@code upstream}, as a line under {@code nodes:}. */
    static String node(String id, String kind, String upstream) {
        return "  %s: { kind: %s, needs: %s }\n".formatted(id, kind, upstream);
    }

    /** A level-measuring {@code core::telemetry_tap} {@code tap} after {@code upstream}, and {@code core::sink} {@code sink} after it. */
    static String tapAndSink(String tap, String sink, String upstream) {
        return """
                  %s:
                    kind: core::telemetry_tap
                    params: { packet_types: ["Audio"], audio_sample_interval_ms: %d }
                    needs: %s
                  %s: { kind: core::sink, needs: %s }
                """.formatted(tap, LEVEL_INTERVAL_MS, upstream, sink, tap);
    }
}

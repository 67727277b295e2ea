package dev.streamkit.nodes.core;

import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.AudioFrame;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures the level of the audio passing a telemetry tap: once every {@code interval} of audio time it
 * yields an {@code audio.level} event {@code {rms, peak, sample_count, sample_rate, channels}} over the
 * samples since the previous one. {@code rms} and {@code peak} are linear (1.0 = full scale) over all
 * channels; {@code sample_count} counts interleaved samples; rate and channels are the last frame's.
 *
 * <p>Audio time, not wall-clock time, so the cadence follows the media whether it flows in real time or
 * faster. Not thread-safe: the node's thread owns it.
 */
final class AudioLevelMeter {

    static final String EVENT_TYPE = "audio.level";

    private final long intervalNanos;
    private long audioNanos;
    private double sumOfSquares;
    private float peak;
    private long samples;

    /** @param intervalMs audio time between two events, &gt; 0 */
    AudioLevelMeter(long intervalMs) {
        if (intervalMs <= 0) throw new IllegalArgumentException("interval must be positive: " + intervalMs);
        this.intervalNanos = intervalMs * 1_000_000L;
    }

    /** Adds {@code frame}; returns the event when an interval of audio is complete, else {@code null}. */
    TelemetryEvent add(AudioFrame frame) {
        for (float sample : frame.samples()) {
            sumOfSquares += (double) sample * sample;
            peak = Math.max(peak, Math.abs(sample));
        }
        samples += frame.samples().length;
        audioNanos += frame.frameCount() * 1_000_000_000L / frame.sampleRate();
        if (audioNanos < intervalNanos || samples == 0) return null;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rms", Math.sqrt(sumOfSquares / samples));
        data.put("peak", (double) peak);
        data.put("sample_count", samples);
        data.put("sample_rate", frame.sampleRate());
        data.put("channels", frame.channels());
        audioNanos = 0;
        sumOfSquares = 0;
        peak = 0;
        samples = 0;
        return TelemetryEvent.now(EVENT_TYPE, data);
    }
}

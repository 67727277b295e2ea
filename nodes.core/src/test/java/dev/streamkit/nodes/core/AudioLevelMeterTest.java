package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.PacketMetadata;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioLevelMeterTest {

    private static final int RATE = 48_000;

    /** {@code count} 20 ms stereo frames of one continuous sine of {@code amplitude} at 440 Hz. */
    static List<AudioFrame> sineFrames(double amplitude, int count) {
        List<AudioFrame> frames = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            float[] samples = new float[960 * 2];
            for (int f = 0; f < 960; f++) {
                float v = (float) (amplitude * Math.sin(2 * Math.PI * 440 * (n * 960 + f) / RATE));
                samples[2 * f] = v;
                samples[2 * f + 1] = v;
            }
            frames.add(new AudioFrame(RATE, 2, samples, PacketMetadata.NONE));
        }
        return frames;
    }

    @Test
    void reportsRmsAndPeakOfASineOncePerIntervalOfAudio() {
        AudioLevelMeter meter = new AudioLevelMeter(1_000);
        List<TelemetryEvent> events = new ArrayList<>();
        for (AudioFrame frame : sineFrames(0.5, 100)) {
            TelemetryEvent event = meter.add(frame);
            if (event != null) events.add(event);
        }
        assertEquals(2, events.size(), "two seconds of audio, one event a second");
        TelemetryEvent level = events.get(0);
        assertEquals("audio.level", level.eventType());
        assertEquals(0.5 / Math.sqrt(2), (double) level.data().get("rms"), 1e-3);
        assertEquals(0.5, (double) level.data().get("peak"), 1e-3);
        assertEquals(50L * 960 * 2, level.data().get("sample_count"));
        assertEquals(RATE, level.data().get("sample_rate"));
        assertEquals(2, level.data().get("channels"));
    }

    @Test
    void eachEventCoversOnlyTheAudioSinceThePreviousOne() {
        AudioLevelMeter meter = new AudioLevelMeter(100);
        for (AudioFrame frame : sineFrames(0.8, 4)) assertNull(meter.add(frame));
        assertEquals(0.8, (double) meter.add(sineFrames(0.8, 1).get(0)).data().get("peak"), 1e-3);
        TelemetryEvent silence = null;
        for (int i = 0; i < 5; i++) silence = meter.add(new AudioFrame(RATE, 1, new float[960], PacketMetadata.NONE));
        assertEquals(0.0, silence.data().get("rms"));
        assertEquals(0.0, silence.data().get("peak"));
        assertEquals(1, silence.data().get("channels"));
    }

    @Test
    void rejectsANonPositiveInterval() {
        assertThrows(IllegalArgumentException.class, () -> new AudioLevelMeter(0));
    }
}

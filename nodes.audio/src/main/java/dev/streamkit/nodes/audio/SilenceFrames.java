package dev.streamkit.nodes.audio;

import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.PacketMetadata;

/**
 * One silent frame of a given format, shared by every send (frames are read-only once built, so one
 * zero-filled array serves all of them).
 */
final class SilenceFrames {

    private final AudioFrame frame;

    SilenceFrames(int sampleRate, int channels, int framesPerChannel) {
        int frames = Math.max(1, framesPerChannel);
        long durationUs = frames * 1_000_000L / sampleRate;
        this.frame = new AudioFrame(sampleRate, channels, new float[frames * channels],
                new PacketMetadata(null, durationUs, null));
    }

    /** Silence shaped like {@code audio}; reuses {@code current} when it already is. */
    static SilenceFrames like(AudioFrame audio, SilenceFrames current) {
        if (current != null && current.frame.sampleRate() == audio.sampleRate()
                && current.frame.channels() == audio.channels() && current.frame.frameCount() == audio.frameCount()) {
            return current;
        }
        return new SilenceFrames(audio.sampleRate(), audio.channels(), audio.frameCount());
    }

    AudioFrame frame() {
        return frame;
    }

    long durationNanos() {
        return frame.frameCount() * 1_000_000_000L / frame.sampleRate();
    }
}

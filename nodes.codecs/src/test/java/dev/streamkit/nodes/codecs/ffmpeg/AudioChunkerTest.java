package dev.streamkit.nodes.codecs.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamkit.api.packet.AudioFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioChunkerTest {

    @Test
    void emitsFramesOf960TimedFromSamplePosition() {
        AudioChunker chunker = new AudioChunker();
        List<AudioFrame> frames = new ArrayList<>();
        for (int i = 0; i < 5; i++) chunker.accept(new float[1152 * 2], 44_100, 2, frames::add);
        chunker.accept(new float[100 * 2], 44_100, 2, frames::add);
        chunker.flush(frames::add);
        assertEquals(List.of(960, 960, 960, 960, 960, 960, 100), frames.stream().map(AudioFrame::frameCount).toList());
        long position = 0;
        for (AudioFrame f : frames) {
            assertEquals(position * 1_000_000 / 44_100, f.metadata().timestampUs());
            position += f.frameCount();
            assertEquals(position * 1_000_000 / 44_100, f.metadata().timestampUs() + f.metadata().durationUs());
        }
    }

    @Test
    void formatChangeFlushesAndContinuesTheClock() {
        AudioChunker chunker = new AudioChunker();
        List<AudioFrame> frames = new ArrayList<>();
        chunker.accept(new float[480], 48_000, 1, frames::add);
        chunker.accept(new float[960 * 2], 48_000, 2, frames::add);
        chunker.flush(frames::add);
        assertEquals(List.of(480, 960), frames.stream().map(AudioFrame::frameCount).toList());
        assertEquals(10_000L, frames.get(1).metadata().timestampUs());
    }
}

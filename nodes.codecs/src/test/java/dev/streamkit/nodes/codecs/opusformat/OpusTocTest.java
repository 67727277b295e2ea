package dev.streamkit.nodes.codecs.opusformat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpusTocTest {

    @ParameterizedTest
    @CsvSource({"0,480", "1,960", "2,1920", "3,2880", "11,2880", "12,480", "13,960", "15,960",
            "16,120", "17,240", "18,480", "19,960", "31,960"})
    void frameSizeFollowsConfiguration(int config, int samples) {
        assertEquals(samples, OpusToc.frameSamples(config << 3));
    }

    @Test
    void frameCountCodesMultiplyTheFrameSize() {
        assertEquals(960, OpusToc.samples(new byte[] {(byte) (31 << 3), 1}));
        assertEquals(1_920, OpusToc.samples(new byte[] {(byte) (31 << 3 | 1), 1, 2}));
        assertEquals(1_920, OpusToc.samples(new byte[] {(byte) (31 << 3 | 2), 1, 2}));
        assertEquals(6 * 960, OpusToc.samples(new byte[] {(byte) (31 << 3 | 3), 6}));
        assertEquals(48 * 120, OpusToc.samples(new byte[] {(byte) (16 << 3 | 3), 48}));
    }

    @Test
    void rejectsEmptyPacket() {
        assertEquals(OpusToc.INVALID, OpusToc.samples(new byte[0]));
    }

    @Test
    void rejectsCode3WithoutCountOrWithZeroFrames() {
        assertEquals(OpusToc.INVALID, OpusToc.samples(new byte[] {(byte) (31 << 3 | 3)}));
        assertEquals(OpusToc.INVALID, OpusToc.samples(new byte[] {(byte) (31 << 3 | 3), 0}));
    }

    @Test
    void rejectsPacketsLongerThan120Ms() {
        assertEquals(OpusToc.INVALID, OpusToc.samples(new byte[] {(byte) (31 << 3 | 3), 7}));
        assertEquals(OpusToc.INVALID, OpusToc.samples(new byte[] {(byte) (3 << 3 | 3), 3}));
    }

    @Test
    void readsAnOffsetSlice() {
        assertEquals(480, OpusToc.samples(new byte[] {9, 9, (byte) (18 << 3)}, 2, 1));
    }

    @Test
    void convertsSamplesToMicros() {
        assertEquals(20_000, OpusToc.samplesToMicros(960));
        assertEquals(2_500, OpusToc.samplesToMicros(120));
    }
}

package dev.streamkit.nodes.codecs.webm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebmClusterWriterTest {

    private static List<TestEbml.Element> clusters(byte[] f) {
        return TestEbml.children(f, 0, f.length).stream().filter(e -> e.id() == WebmIds.CLUSTER).toList();
    }

    @Test
    void startsNewClusterEverySecondAndWhenTimeGoesBeforeClusterStart() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WebmClusterWriter writer = new WebmClusterWriter(false, out::writeBytes);
        for (long t : new long[] {0, 500, 999, 1000, 1500, 900}) writer.write(t, new byte[] {(byte) 0xF8});
        writer.close();
        byte[] f = out.toByteArray();
        List<TestEbml.Element> clusters = clusters(f);
        assertEquals(3, clusters.size());
        List<Long> starts = clusters.stream().map(c -> TestEbml.uint(f, TestEbml.find(
                TestEbml.children(f, c.dataOffset(), c.dataOffset() + c.dataLength()), WebmIds.TIMECODE))).toList();
        assertEquals(List.of(0L, 1000L, 900L), starts);
    }

    @Test
    void liveModeEmitsBlocksImmediately() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WebmClusterWriter writer = new WebmClusterWriter(true, out::writeBytes);
        writer.write(0, new byte[] {(byte) 0xF8, 1});
        int afterFirst = out.size();
        writer.write(20, new byte[] {(byte) 0xF8, 2});
        assertEquals(afterFirst + 2 + 4 + 2, out.size());
    }
}

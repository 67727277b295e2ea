package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report files {@code fixture::close_probe} nodes write: a {@code created} line, one
 * {@code close=<n> calls_in_progress=<k>} line per {@code close()} and a {@code call_after_close=<method>}
 * line if the engine called the node after closing it. A node closed correctly reports exactly
 * {@code created} and {@code close=1 calls_in_progress=0}.
 */
final class CloseProbeReports {

    private static final long WAIT_MS = 10_000;
    /** After every probe reported a close: time for a second, wrong close to show up. */
    private static final long SETTLE_MS = 500;

    private CloseProbeReports() {
    }

    /** Waits (bounded) until every report in {@code files} has a close, then asserts each was closed once, idle. */
    static void assertEachClosedOnceWhileIdle(List<Path> files) throws Exception {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000;
        while (!allClosed(files) && System.nanoTime() < deadline) Thread.sleep(50);
        Thread.sleep(SETTLE_MS);
        List<String> wrong = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = lines(file);
            long created = lines.stream().filter(line -> line.startsWith("created")).count();
            List<String> closes = lines.stream().filter(line -> line.startsWith("close=")).toList();
            boolean late = lines.stream().anyMatch(line -> line.startsWith("call_after_close"));
            if (created != 1 || closes.size() != 1 || !closes.get(0).contains("calls_in_progress=0 ") || late) {
                wrong.add(file.getFileName() + ": " + lines);
            }
        }
        System.out.printf("CloseProbeReports: %d of %d probes closed once while idle%n", files.size() - wrong.size(), files.size());
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + files.size() + " probes were not closed exactly once while idle: " + wrong);
    }

    private static boolean allClosed(List<Path> files) throws IOException {
        for (Path file : files) {
            if (lines(file).stream().noneMatch(line -> line.startsWith("close="))) return false;
        }
        return true;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}

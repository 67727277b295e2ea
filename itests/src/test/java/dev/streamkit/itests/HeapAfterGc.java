package dev.streamkit.itests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of a server process: {@code jcmd <pid> GC.run} (a full collection), then the {@code used} size
 * {@code jcmd <pid> GC.heap_info} reports. Each call is bounded by {@link #TIMEOUT}.
 */
final class HeapAfterGc {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private HeapAfterGc() {
    }

    /** The heap in use after a full GC of process {@code pid}, in KiB ({@code dir} holds the tool's output). */
    static long kib(Path dir, long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Commands.run(dir, TIMEOUT, List.of(jcmd, Long.toString(pid), "GC.run"));
        String info = Commands.run(dir, TIMEOUT, List.of(jcmd, Long.toString(pid), "GC.heap_info"));
        Matcher used = USED.matcher(info);
        if (!used.find()) throw new IllegalStateException("no heap use in:\n" + info);
        return Long.parseLong(used.group(1));
    }
}

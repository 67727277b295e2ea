package dev.streamkit.plugins.internal;

import dev.streamkit.plugins.PluginInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Reports each plugin problem once: an entry's reason goes to the sink the first time it is seen, and again
 * only after it changed or went away and came back. Thread-safe.
 */
public final class ProblemLog {

    private final BiConsumer<PluginInfo, String> sink;
    private final Map<String, String> reported = new HashMap<>();

    /** @param sink receives the entry and its reason, e.g. a logger's {@code warn} */
    public ProblemLog(BiConsumer<PluginInfo, String> sink) {
        this.sink = sink;
    }

    /** Reports the problems of {@code entries} not reported yet; forgets those that are gone. */
    public synchronized void report(List<PluginInfo> entries) {
        Map<String, String> current = new HashMap<>();
        for (PluginInfo entry : entries) {
            if (!entry.hasProblem()) continue;
            String subject = entry.fileName() + " " + entry.kind();
            current.put(subject, entry.reason());
            if (!Objects.equals(reported.get(subject), entry.reason())) sink.accept(entry, entry.reason());
        }
        reported.clear();
        reported.putAll(current);
    }
}

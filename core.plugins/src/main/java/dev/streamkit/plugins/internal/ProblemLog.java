package dev.streamkit.plugins.internal;

import dev.streamkit.plugins.PluginInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reports each plugin problem once: a file's reason goes to the sink the first time it is seen (once for the
 * file, however many of its kinds share it), and again only after it went away and came back. Thread-safe.
 */
public final class ProblemLog {

    private final BiConsumer<PluginInfo, String> sink;
    private final Set<String> reported = new HashSet<>();

    /** @param sink receives the entry and its reason, e.g. a logger's {@code warn} */
    public ProblemLog(BiConsumer<PluginInfo, String> sink) {
        this.sink = sink;
    }

    /** Reports the problems of {@code entries} not reported yet; forgets those that are gone. */
    public synchronized void report(List<PluginInfo> entries) {
        Set<String> current = new HashSet<>();
        for (PluginInfo entry : entries) {
            String problem = entry.fileName() + "\n" + entry.reason();
            if (entry.hasProblem() && current.add(problem) && !reported.contains(problem)) sink.accept(entry, entry.reason());
        }
        reported.clear();
        reported.addAll(current);
    }
}

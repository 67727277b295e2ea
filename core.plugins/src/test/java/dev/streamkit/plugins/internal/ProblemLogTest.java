package dev.streamkit.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamkit.plugins.PluginInfo;
import dev.streamkit.plugins.PluginState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemLogTest {

    private static PluginInfo entry(String file, String reason) {
        return entry(file, file, reason);
    }

    private static PluginInfo entry(String file, String kind, String reason) {
        return new PluginInfo(kind, file, null, null, PluginState.INVALID, reason, 0, kind.equals(file));
    }

    @Test
    void reportsEachProblemOnceUntilItChangesOrReturns() {
        List<String> logged = new ArrayList<>();
        ProblemLog log = new ProblemLog((entry, reason) -> logged.add(entry.fileName() + ": " + reason));
        log.report(List.of(entry("a.jar", "broken"), entry("ok.jar", null)));
        log.report(List.of(entry("a.jar", "broken"), entry("ok.jar", null)));
        assertEquals(List.of("a.jar: broken"), logged);
        log.report(List.of(entry("a.jar", "broken differently")));
        log.report(List.of());
        log.report(List.of(entry("a.jar", "broken differently")));
        assertEquals(List.of("a.jar: broken", "a.jar: broken differently", "a.jar: broken differently"), logged);
    }

    @Test
    void reportsAProblemSharedByTheKindsOfAFileOnce() {
        List<String> logged = new ArrayList<>();
        ProblemLog log = new ProblemLog((entry, reason) -> logged.add(entry.fileName() + ": " + reason));
        log.report(List.of(entry("b.jar", "x::one", "component failed"), entry("b.jar", "x::two", "component failed")));
        assertEquals(List.of("b.jar: component failed"), logged);
    }
}

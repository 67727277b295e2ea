package dev.streamkit.launcher;

import java.util.ArrayList;
import java.util.List;

/** One-line descriptions of why something failed, for the messages {@code skit} prints before a non-zero exit. */
final class Failures {

    private static final int MAX_CAUSES = 5;

    private Failures() {
    }

    /** The failure's message (its class name when it has none), followed by each distinct cause's. */
    static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < MAX_CAUSES; t = t.getCause()) {
            String text = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getName() : t.getMessage();
            if (parts.stream().noneMatch(part -> part.contains(text))) parts.add(text);
            if (t.getCause() == t) break;
        }
        return String.join(": ", parts);
    }
}

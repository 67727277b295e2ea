package dev.streamkit.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void namesEveryDistinctCauseAndClassesWithoutMessage() {
        assertEquals("java.lang.NullPointerException", Failures.describe(new NullPointerException()));
        assertEquals("cannot start: disk full",
                Failures.describe(new IllegalStateException("cannot start", new IOException("disk full"))));
        IOException cause = new IOException("disk full");
        assertEquals("java.io.IOException: disk full", Failures.describe(new RuntimeException(cause)));
    }
}

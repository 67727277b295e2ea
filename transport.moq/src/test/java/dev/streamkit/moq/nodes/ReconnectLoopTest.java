package dev.streamkit.moq.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** The client nodes' reconnect loop: reports each loss, pauses a second, stops when told. */
class ReconnectLoopTest {

    private final List<String> lost = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private int attempts;

    @Test
    void eachEndedOrFailedAttemptIsReportedAndFollowedByASecondsPause() throws Exception {
        ReconnectLoop.run(() -> {
            attempts++;
            if (attempts == 2) throw new IOException("http://relay: refused (503)");
        }, lost::add, () -> attempts >= 3, pauses::add);
        assertEquals(3, attempts);
        assertEquals(List.of("connection ended", "http://relay: refused (503)"), lost);
        assertEquals(List.of(ReconnectLoop.RETRY_PAUSE, ReconnectLoop.RETRY_PAUSE), pauses);
        assertEquals(Duration.ofSeconds(1), ReconnectLoop.RETRY_PAUSE);
    }

    @Test
    void aCancelledSendOrAnInterruptEndsTheLoop() {
        assertThrows(CancellationException.class, () -> ReconnectLoop.run(() -> {
            throw new CancellationException("node removed");
        }, lost::add, () -> false, pauses::add));
        assertThrows(InterruptedException.class, () -> ReconnectLoop.run(() -> {
            throw new InterruptedException();
        }, lost::add, () -> false, pauses::add));
        assertEquals(List.of(), lost);
    }
}

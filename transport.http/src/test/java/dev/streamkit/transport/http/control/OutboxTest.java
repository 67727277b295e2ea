package dev.streamkit.transport.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.junit.jupiter.api.Test;

class OutboxTest {

    /** A socket whose client never reads: the first send never completes, so every later frame waits. */
    private static final class NonReadingSocket {
        final List<String> sent = new ArrayList<>();
        Integer closedWith;
        final Session session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> closedWith == null;
                    case "sendText" -> sent.add((String) args[0]);
                    case "close" -> {
                        if (args != null && args.length == 3) closedWith = (Integer) args[0];
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @Test
    void aNonReadingClientIsCutOffByTheBytesWaitingNotOnlyByTheirCount() {
        NonReadingSocket socket = new NonReadingSocket();
        Outbox outbox = new Outbox(socket.session);
        String event = "e".repeat(500_000);
        int accepted = 0;
        for (int i = 0; i < 100 && outbox.send(event); i++) accepted++;
        assertEquals(StatusCode.TRY_AGAIN_LATER, socket.closedWith);
        assertTrue(accepted < Outbox.LIMIT, "cut off after " + accepted + " events");
        assertTrue((accepted - 1) * (long) event.length() <= Outbox.LIMIT_CHARS, "at most the character limit waited");
        assertFalse(outbox.send("late"), "nothing more is queued once cut off");
    }

    @Test
    void droppableEventsAreDroppedPastTheirCharacterLimitWithoutClosing() {
        NonReadingSocket socket = new NonReadingSocket();
        Outbox outbox = new Outbox(socket.session);
        String telemetry = "t".repeat(100_000);
        int accepted = 0;
        for (int i = 0; i < 100; i++) if (outbox.offer(telemetry)) accepted++;
        assertTrue(accepted < 100 && (accepted - 1) * (long) telemetry.length() <= Outbox.DROPPABLE_CHARS,
                accepted + " droppable events kept");
        assertEquals(null, socket.closedWith);
        assertTrue(outbox.send("state change"), "an event that must arrive is still queued");
    }
}

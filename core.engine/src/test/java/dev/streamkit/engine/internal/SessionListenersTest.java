package dev.streamkit.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.streamkit.engine.SessionListener;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SessionListenersTest {

    @Test
    void aFailingListenerDoesNotKeepTheEventFromTheOthers() {
        SessionListeners listeners = new SessionListeners();
        List<String> seen = new CopyOnWriteArrayList<>();
        listeners.add(new SessionListener() {
            public void nodeRemoved(String sessionId, String nodeId) {
                throw new IllegalStateException("listener failure (expected by the test)");
            }
        });
        listeners.add(new SessionListener() {
            public void nodeRemoved(String sessionId, String nodeId) {
                seen.add(sessionId + "/" + nodeId);
            }
        });
        listeners.fire(listener -> listener.nodeRemoved("s", "n"));
        assertEquals(List.of("s/n"), seen);
    }

    @Test
    void theFanOutPassesOnEveryKindOfEvent() throws Exception {
        Class<?> fanOut = new SessionListeners().fanOut().getClass();
        for (Method event : SessionListener.class.getMethods()) {
            assertNotEquals(SessionListener.class, fanOut.getMethod(event.getName(), event.getParameterTypes()).getDeclaringClass(),
                    event.getName() + " would be dropped");
        }
    }
}

package dev.streamkit.engine.internal;

import dev.streamkit.engine.SessionListener;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The registered {@link SessionListener}s; fires an event to each, isolating their failures. */
public final class SessionListeners {

    private final CopyOnWriteArrayList<SessionListener> listeners = new CopyOnWriteArrayList<>();

    public void add(SessionListener listener) {
        listeners.addIfAbsent(listener);
    }

    public void remove(SessionListener listener) {
        listeners.remove(listener);
    }

    /** Calls {@code event} on every listener; a listener's exception does not reach the engine. */
    public void fire(Consumer<SessionListener> event) {
        for (SessionListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                // a listener must not break the engine
            }
        }
    }
}

package dev.streamkit.nodes.audio;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mixer's input pins and the audio queued on each ({@link PinQueue}). A pin is in one of three states:
 *
 * <pre>
 *   open          the mix waits for it: a fixed pin, a pin that delivered audio, or one a live session
 *                 connected ({@code InputConnected})
 *   ended         its stream ended; what it still holds is mixed, then it is forgotten
 *   disconnected  a live session removed its connection ({@code InputDisconnected}); its audio is dropped,
 *                 including packets still on their way, until it is connected again
 * </pre>
 *
 * The mixer is done when no pin is open or disconnected: a disconnected pin may come back. Not
 * thread-safe: the mixer guards it.
 */
final class MixerInputs {

    private final Map<String, PinQueue> queues = new LinkedHashMap<>();
    private final Set<String> open = new LinkedHashSet<>();
    private final Set<String> ended = new HashSet<>();
    private final Set<String> disconnected = new HashSet<>();

    /** @param fixedPins pins open from the start, or empty for a dynamic pin family */
    MixerInputs(List<String> fixedPins) {
        fixedPins.forEach(this::connect);
    }

    /**
     * The queue for audio arriving on {@code pin}, opening a pin that delivers for the first time; {@code null}
     * when the pin ended or is disconnected, whose audio is dropped.
     */
    PinQueue accept(String pin) {
        if (ended.contains(pin) || disconnected.contains(pin)) return null;
        if (!queues.containsKey(pin)) connect(pin);
        return queues.get(pin);
    }

    /** A live session connected {@code pin}: the mix waits for it from now on. */
    void connect(String pin) {
        ended.remove(pin);
        disconnected.remove(pin);
        queues.putIfAbsent(pin, new PinQueue());
        open.add(pin);
    }

    /** A live session disconnected {@code pin}: stop waiting for it and drop its queued audio. */
    void disconnect(String pin) {
        open.remove(pin);
        queues.remove(pin);
        disconnected.add(pin);
    }

    /** {@code pin}'s stream ended: stop waiting for it; what it holds is still mixed. */
    void end(String pin) {
        open.remove(pin);
        disconnected.remove(pin);
        ended.add(pin);
    }

    /** The pins the mix waits for, read-only. */
    Set<String> open() {
        return Collections.unmodifiableSet(open);
    }

    /** The queue of an open pin. */
    PinQueue queue(String pin) {
        return queues.get(pin);
    }

    /** Every queue that may hold audio, open pins' and ended pins' alike. */
    Collection<PinQueue> queues() {
        return queues.values();
    }

    /** The most sample frames queued on any pin. */
    int largestQueued() {
        int n = 0;
        for (PinQueue queue : queues.values()) n = Math.max(n, queue.available());
        return n;
    }

    /** Forgets the queues of pins that are no longer open and hold nothing more. */
    void forgetDrained() {
        queues.entrySet().removeIf(e -> !open.contains(e.getKey()) && e.getValue().available() == 0);
    }

    /** Whether no pin can deliver audio any more: none open and none disconnected. */
    boolean allEnded() {
        return open.isEmpty() && disconnected.isEmpty();
    }
}

package dev.streamkit.testkit;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.Packet;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.function.LongSupplier;

/**
 * The engine's side of a node under test: records every packet sent (with its pin and when it was sent),
 * the telemetry, the state reports, the timer the node asked for, whether its input is paused, and how
 * it ended. Like the engine, it ignores sends after the node finished or failed, keeps the first
 * failure, and throws {@link CancellationException} from {@link #send} once {@link #cancel() cancelled}.
 *
 * <p>By default it has timers ({@link #wakeAt} answers {@code true}, like a live session's engine) and
 * stamps sends with {@link System#nanoTime()}; {@link #withoutTimers()} makes a node that paces itself
 * wait by itself, and {@link #withClock} injects a clock. Thread-safe: a node's own threads may send.
 */
public final class RecordingOutputs implements Outputs {

    /**
     * A packet the node sent.
     *
     * @param pin       the output pin it was sent on
     * @param packet    the packet
     * @param sentNanos the recording clock's time of the send
     */
    public record Sent(String pin, Packet packet, long sentNanos) {
    }

    private static final long NO_TIMER = Long.MIN_VALUE;

    private final LongSupplier clock;
    private final boolean timers;
    private final long startNanos;
    private final List<Sent> sent = new ArrayList<>();
    private final List<NodeState> states = new ArrayList<>();
    private final List<TelemetryEvent> events = new ArrayList<>();
    private Ending ending = Ending.RUNNING;
    private long timerNanos = NO_TIMER;
    private boolean inputPaused;
    private volatile boolean cancelled;

    /** Outputs with timers, on the system's monotonic clock. */
    public RecordingOutputs() {
        this(System::nanoTime, true);
    }

    private RecordingOutputs(LongSupplier clock, boolean timers) {
        this.clock = clock;
        this.timers = timers;
        this.startNanos = clock.getAsLong();
    }

    /** Outputs without timers, like an engine that has none: {@link #wakeAt} answers {@code false}. */
    public static RecordingOutputs withoutTimers() {
        return new RecordingOutputs(System::nanoTime, false);
    }

    /** Outputs with timers that stamp sends with {@code nanoClock} (e.g. a test's manual clock). */
    public static RecordingOutputs withClock(LongSupplier nanoClock) {
        return new RecordingOutputs(nanoClock, true);
    }

    // ---- Outputs ----

    @Override
    public synchronized void send(String outputPin, Packet packet) {
        if (cancelled) throw new CancellationException("cancelled");
        if (ending != Ending.RUNNING) return;
        sent.add(new Sent(outputPin, packet, clock.getAsLong()));
    }

    @Override
    public synchronized void finish() {
        if (ending == Ending.RUNNING) ending = Ending.FINISHED;
    }

    @Override
    public synchronized void fail(NodeException error) {
        if (ending == Ending.RUNNING) ending = Ending.failed(error);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public synchronized void state(NodeState state) {
        states.add(state);
    }

    @Override
    public synchronized void telemetry(TelemetryEvent event) {
        events.add(event);
    }

    @Override
    public synchronized boolean wakeAt(long deadlineNanos) {
        if (!timers) return false;
        timerNanos = deadlineNanos;
        return true;
    }

    @Override
    public synchronized void pauseInput(boolean paused) {
        inputPaused = paused;
    }

    // ---- what the test does ----

    /** Cancels the run: further sends throw {@link CancellationException}, as the engine's do. */
    public void cancel() {
        cancelled = true;
    }

    /** Removes the pending timer request and returns its deadline, or empty when none is pending. */
    public synchronized OptionalLong takeTimer() {
        if (timerNanos == NO_TIMER) return OptionalLong.empty();
        long deadline = timerNanos;
        timerNanos = NO_TIMER;
        return OptionalLong.of(deadline);
    }

    // ---- what the node did ----

    /** Every packet sent, in order. */
    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The packets sent on {@code pin}, in order. */
    public synchronized List<Sent> sent(String pin) {
        return sent.stream().filter(s -> s.pin().equals(pin)).toList();
    }

    /** Every packet sent, in order, cast to {@code type} (a {@link ClassCastException} names a stray one). */
    public synchronized <T extends Packet> List<T> packets(Class<T> type) {
        return sent.stream().map(Sent::packet).map(type::cast).toList();
    }

    /** The packets sent on {@code pin}, in order, cast to {@code type}. */
    public <T extends Packet> List<T> packets(String pin, Class<T> type) {
        return sent(pin).stream().map(Sent::packet).map(type::cast).toList();
    }

    /** When each packet was sent, in ms after these outputs were made, in order. */
    public synchronized List<Double> sendTimesMs() {
        return sent.stream().map(s -> (s.sentNanos() - startNanos) / 1e6).toList();
    }

    /** The recording clock's time now, in ms after these outputs were made. */
    public double elapsedMs() {
        return (clock.getAsLong() - startNanos) / 1e6;
    }

    /** How the node's output stands: running, finished or failed. */
    public synchronized Ending ending() {
        return ending;
    }

    /** Whether the node finished normally. */
    public synchronized boolean finished() {
        return ending.finished();
    }

    /** The node's failure, or {@code null} when it has not failed. */
    public synchronized NodeException failure() {
        return ending.failure();
    }

    /** The states the node reported, in order. */
    public synchronized List<NodeState> states() {
        return List.copyOf(states);
    }

    /** Every telemetry event published, in order. */
    public synchronized List<TelemetryEvent> events() {
        return List.copyOf(events);
    }

    /** The telemetry events of one type, in order. */
    public synchronized List<TelemetryEvent> events(String eventType) {
        return events.stream().filter(e -> e.eventType().equals(eventType)).toList();
    }

    /** Whether the node has paused its input ({@link #pauseInput}). */
    public synchronized boolean inputPaused() {
        return inputPaused;
    }

    /** Whether a timer request is pending. */
    public synchronized boolean timerPending() {
        return timerNanos != NO_TIMER;
    }
}

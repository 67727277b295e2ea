package dev.streamkit.nodes.core;

import dev.streamkit.api.node.PacingClock;
import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.nodes.core.pacing.HeldPacket;
import dev.streamkit.nodes.core.pacing.PacerSpeed;
import dev.streamkit.nodes.core.telemetry.MissedDeadlines;
import java.util.concurrent.CancellationException;

/**
 * {@code core::pacer}: forwards packets unchanged, each at the moment it is due on a real-time timeline,
 * so that a faster-than-real-time producer (a file reader) plays out at {@code speed} times real time.
 *
 * <p>A packet's duration is its {@code duration_us}, else an audio frame's computed duration, else zero
 * (released at once). Packet {@code n} is released at {@code start + (sum of earlier durations) / speed}
 * on the monotonic clock ({@link PacingClock}); the first {@code initial_burst_packets} packets play at ten
 * times the speed. When input pauses for more than {@value #GAP_RESET_MS} ms the timeline restarts at the
 * next packet and the burst is granted again. {@link ControlMessage.UpdateParams} with {@code speed}
 * applies from the next packet, continuing the timeline where it is.
 *
 * <p>A packet released more than its own duration after it was due (a slow consumer, an overloaded
 * machine, an upstream that cannot keep up) is a missed deadline: counted and published as telemetry
 * ({@link MissedDeadlines}).
 *
 * <p>Invocation is {@link Invocation#BLOCKING}. Where the engine has timers (live sessions), a packet that
 * is not due yet is held while the node's input is paused, and an engine timer releases it
 * ({@link Outputs#wakeAt}): upstream backs up in the mailbox and no thread sleeps. Elsewhere
 * {@code onPacket} sleeps until the packet is due, holding its mailbox worker. NOTE: the buffering is the
 * engine's mailbox;
 * the node holds one packet at a time, so {@code buffer_size} is accepted but has no effect yet.
 * Sleeps are sliced ({@link PacingClock#SLICE_NANOS}); cancellation ends them with
 * {@link CancellationException}, as {@link Outputs#send} does.
 */
final class PacerNode implements Node {

    static final String BUFFER_SIZE = "buffer_size";
    static final String INITIAL_BURST_PACKETS = "initial_burst_packets";
    static final int DEFAULT_BUFFER_SIZE = 16;
    static final double BURST_SPEEDUP = 10.0;
    static final long GAP_RESET_MS = 300;

    private final int burstPackets;
    private final PacingClock clock = new PacingClock();
    private final MissedDeadlines missedDeadlines = new MissedDeadlines();
    private volatile double speed;
    private volatile boolean shutDown;
    private boolean started;
    private long lastReturnNanos;
    private int burstLeft;
    private final HeldPacket<Packet> held = new HeldPacket<>();

    PacerNode(Params params) {
        this.speed = PacerSpeed.read(params, PacerSpeed.DEFAULT);
        this.burstPackets = Math.max(0, params.getInt(INITIAL_BURST_PACKETS, 0));
    }

    @Override
    public Invocation invocation() {
        return Invocation.BLOCKING;
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) {
        if (shutDown) return;
        long now = System.nanoTime();
        if (!started || now - lastReturnNanos > GAP_RESET_MS * 1_000_000L) {
            clock.restart(now);
            burstLeft = burstPackets;
            started = true;
        }
        if (held.hold(packet, clock.dueNanos(), now, out)) return;
        if (!PacingClock.sleepUntil(clock.dueNanos(), () -> out.isCancelled() || shutDown)) {
            if (shutDown) return;
            throw new CancellationException("pacer cancelled while waiting to release a packet");
        }
        release(packet, out);
    }

    /** The held packet is due: release it and let the next one in. */
    @Override
    public void onTimer(Outputs out) {
        if (shutDown) return;
        Packet packet = held.take(out);
        if (packet != null) release(packet, out);
    }

    private void release(Packet packet, Outputs out) {
        long duration = durationNanos(packet);
        missedDeadlines.released(clock.dueNanos(), System.nanoTime(), duration, out);
        out.send("out", packet);
        double rate = burstLeft > 0 ? speed * BURST_SPEEDUP : speed;
        if (burstLeft > 0) burstLeft--;
        clock.advance(duration, rate);
        lastReturnNanos = System.nanoTime();
    }

    /** {@code UpdateParams}: only {@code speed} is tunable; other keys are ignored. */
    @Override
    public void onControl(ControlMessage message, Outputs out) {
        if (message instanceof ControlMessage.UpdateParams update && update.params().has(PacerSpeed.PARAM)) {
            speed = PacerSpeed.read(update.params(), speed);
        } else if (message instanceof ControlMessage.Shutdown) {
            shutDown = true;
            out.finish();
        }
    }

    /** Deadlines missed so far. */
    long missedDeadlines() {
        return missedDeadlines.total();
    }

    static long durationNanos(Packet packet) {
        Long us = packet.metadata().durationUs();
        if (us != null && us > 0) return us * 1_000L;
        if (packet instanceof AudioFrame frame) return frame.frameCount() * 1_000_000_000L / frame.sampleRate();
        return 0L;
    }
}
